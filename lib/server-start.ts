import { bootstrap } from "@/lib/bootstrap";
import { getConnection, getDb } from "@/db/client";
import { startEmailSender } from "@/lib/email/sender";
import { env, isProduction } from "@/lib/env";
import { startOutcomeReminders } from "@/lib/outcomes/reminders";
import { startReminderSweep } from "@/lib/patient/reminders";

/**
 * Start-up work. A database that is still coming up must not stop the server: the
 * work is retried in the background with growing pauses, and /api/health answers 503
 * meanwhile.
 */
export async function startServer(attempt = 1): Promise<void> {
  const settings = env();
  try {
    const connection = await getConnection();
    // The demo clinic has a published password: in production only when asked for by name.
    const demo = settings.DEMO_DATA || (!isProduction() && connection.driver === "pglite" && !settings.SKIP_DEMO_SEED);
    await bootstrap(connection, { demo });
    // Retries and mail left by a previous run; new mail is also sent right after it is queued.
    startEmailSender();
    // Overdue outcome measures: one reminder email per occasion, through the outbox.
    startOutcomeReminders();
    // Reminders for missed sessions, queued into the outbox; every instance runs it, one at a time.
    startReminderSweep(getDb);
    // The handout renderer is not loaded here: it is ~40 MiB of code, fonts and heap that
    // many processes never need, and a saved version's handout is drawn in the background
    // after the save (lib/pdf/programme-handout.ts), so downloads do not wait for it.
  } catch (error) {
    const wait = Math.min(30, attempt * 2);
    console.error(`[homeplan] start-up could not reach the database (${(error as Error).message}); retrying in ${wait} s`);
    setTimeout(() => void startServer(attempt + 1), wait * 1000).unref();
  }
}
