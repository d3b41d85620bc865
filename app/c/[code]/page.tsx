import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ShortCodeForm } from "@/app/c/[code]/short-code-form";
import { formatShortCode, normaliseShortCode } from "@/lib/links/short-code";

export const metadata: Metadata = { title: "Open your exercises", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ code: string }> };

/**
 * Where the short address on a printed sheet leads. Any well-formed code gets this same
 * page, live or not: nothing is looked up until the year of birth is sent, so the page
 * itself never tells a real code from a guess. A GET reads and writes nothing.
 */
export default async function ShortCodePage({ params }: Props) {
  const { code: raw } = await params;
  const code = normaliseShortCode(decodeURIComponent(raw));
  if (!code) notFound();
  return (
    <div className="min-h-dvh bg-canvas text-lg">
      <main id="main" className="mx-auto grid max-w-xl gap-6 px-5 py-10 sm:py-16">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Your exercise plan</h1>
          <p className="mt-3">To open your exercise plan, enter the year you were born.</p>
          <p className="mt-2 text-muted">
            Code <span className="font-mono font-bold text-ink">{formatShortCode(code)}</span>
          </p>
        </div>
        <ShortCodeForm code={code} />
        <p className="text-muted">
          If it does not open, use the square QR code on your sheet or the link in your email from the clinic, or ask your clinic for help.
        </p>
      </main>
    </div>
  );
}
