import Link from "next/link";
import { Logo } from "@/components/ui/logo";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-5 py-12">
      <Logo />
      <h1 className="mt-8 text-3xl font-bold">We couldn&apos;t find that page</h1>
      <p className="mt-3 text-muted">
        It may have moved, or the address may be mistyped. If you followed a link from your clinic, ask them for a new one.
      </p>
      <p className="mt-6">
        <Link href="/" className="btn-secondary">
          Go to the home page
        </Link>
      </p>
    </main>
  );
}
