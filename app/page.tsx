import Link from "next/link";
import { Logo } from "@/components/ui/logo";

const FEATURES = [
  {
    title: "Programmes in a minute",
    text: "Search the catalogue as you type, add with Enter, set each dose in place, reorder by drag or keyboard.",
  },
  {
    title: "A link, not an app",
    text: "Patients open one link on their phone: no account, no password, no download. It keeps working when you edit.",
  },
  {
    title: "Guided sessions",
    text: "Step-by-step player with hold countdowns, rep and set counters and rest timers, in large, calm type.",
  },
  {
    title: "Paper that works",
    text: "A printable handout with clear steps, a QR code back to the follow-along page and a tick-box chart.",
  },
  { title: "See how it went", text: "Sessions, pain and difficulty over time, with a flag when pain rises or nothing has been logged." },
  { title: "Yours to host", text: "Open source. Runs on one machine with an embedded database, or on your own PostgreSQL." },
];

export default function HomePage() {
  return (
    <div className="min-h-dvh bg-canvas">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-4 py-5 sm:px-6">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          <Link href="/sign-in" className="btn-ghost">
            Sign in
          </Link>
          <Link href="/sign-up" className="btn-primary hidden sm:inline-flex">
            Create a clinic
          </Link>
        </nav>
      </header>
      <main id="main">
        <section className="mx-auto max-w-6xl px-4 pb-12 pt-8 sm:px-6 sm:pt-16">
          <p className="text-sm font-bold uppercase tracking-wider text-brand-700">For physiotherapists</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
            Home exercise programmes your patients actually follow.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-muted">
            Build a programme from a clinical exercise catalogue, send your patient a link they can follow on their phone, print a clear
            handout, and see how their sessions went.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/sign-up" className="btn-primary px-6 text-lg">
              Create a clinic
            </Link>
            <Link href="/sign-in" className="btn-secondary px-6 text-lg">
              Sign in
            </Link>
          </div>
        </section>
        <section aria-labelledby="features" className="border-t border-line bg-surface">
          <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
            <h2 id="features" className="sr-only">
              What Homeplan does
            </h2>
            <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {FEATURES.map((f) => (
                <li key={f.title} className="rounded-xl border border-line p-5">
                  <h3 className="text-lg font-bold">{f.title}</h3>
                  <p className="mt-2 text-muted">{f.text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>
      <footer className="mx-auto max-w-6xl px-4 py-8 text-sm text-muted sm:px-6">
        Homeplan is open-source software. Exercise advice does not replace an assessment by your own clinician.
      </footer>
    </div>
  );
}
