import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { programmeOfUnsubscribe, remindersOn } from "@/lib/patient/unsubscribe";

export const metadata: Metadata = { title: "Exercise reminders", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/**
 * Where "Stop these reminders" in an email leads. Opening it changes nothing (mail
 * scanners open links); the button posts the one-click form, which needs no sign-in.
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { token } = await params;
  if (!programmeOfUnsubscribe(token)) notFound();
  const [{ done }, on] = await Promise.all([searchParams, remindersOn(token)]);
  return (
    <div className="min-h-dvh bg-canvas text-lg">
      <main id="main" className="mx-auto grid max-w-xl gap-6 px-5 py-10 sm:py-16">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Exercise reminders</h1>
        {on ? (
          <>
            <p>You get an email on days when a session is planned and none is logged by your chosen time.</p>
            <form method="post" action={`/api/unsubscribe/${token}`}>
              <input type="hidden" name="List-Unsubscribe" value="One-Click" />
              <button type="submit" className="btn-primary w-full sm:w-auto">
                Stop these reminders
              </button>
            </form>
          </>
        ) : (
          <p role="status">
            {done ? "Done: reminders are off. " : "Reminders are off. "}You will get no more reminder emails for this plan.
          </p>
        )}
        <p className="text-muted">Your exercise link still works, and you can turn reminders on again from your exercise page.</p>
      </main>
    </div>
  );
}
