import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create a clinic" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-2xl font-bold">Create your clinic</h1>
      <p className="mt-1 text-muted">You will be the clinic owner and can invite colleagues afterwards.</p>
      <SignUpForm />
      <p className="mt-6 border-t border-line pt-4 text-sm text-muted">
        Already have an account?{" "}
        <Link href="/sign-in" className="link">
          Sign in
        </Link>
      </p>
    </>
  );
}
