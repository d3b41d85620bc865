import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : undefined;
  return (
    <>
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p className="mt-1 text-muted">Welcome back. Sign in to your clinic.</p>
      {params["signed-out"] ? (
        <p className="mt-4 rounded-lg bg-ok-soft px-3 py-2 text-sm font-bold text-ok" role="status">
          You have signed out.
        </p>
      ) : null}
      {params["password-changed"] ? (
        <p className="mt-4 rounded-lg bg-ok-soft px-3 py-2 text-sm font-bold text-ok" role="status">
          Your password is changed. Sign in with your new password.
        </p>
      ) : null}
      {params["signed-up"] ? (
        <p className="mt-4 rounded-lg bg-ok-soft px-3 py-2 text-sm text-ok" role="status">
          <strong>Thank you.</strong> If the email address is new to Homeplan, your clinic is ready: sign in with the password you just
          chose. If it already has an account, we have emailed it instead.
        </p>
      ) : null}
      <SignInForm next={next} />
      <p className="mt-6 border-t border-line pt-4 text-sm text-muted">
        New to Homeplan?{" "}
        <Link href="/sign-up" className="link">
          Create a clinic account
        </Link>
      </p>
    </>
  );
}
