import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-5 py-16">
      <h1 className="text-3xl font-bold">Only the clinic owner can open this</h1>
      <p className="mt-3 text-muted">Ask your clinic&apos;s owner if you need a change to the clinic&apos;s settings.</p>
      <p className="mt-6">
        <Link href="/dashboard" className="btn-secondary">
          Back to the dashboard
        </Link>
      </p>
    </main>
  );
}
