import { clockLabel, REMINDER_MINUTES } from "@/lib/domain/reminders";

/**
 * The patient's email reminder, live on every visit (never part of the drawn programme).
 * A plain form that posts and comes back: it needs no script, so it works under the
 * page's CSP, on any phone, and before the page's own script has loaded.
 */
export function ReminderChoice(props: {
  action: string;
  sendAtMinute: number | null;
  unsubscribed: boolean;
  timeZone: string;
  saved?: boolean;
}) {
  const current = props.sendAtMinute === null ? "off" : clockLabel(props.sendAtMinute);
  return (
    <section id="reminders" aria-labelledby="reminders-heading" className="card grid scroll-mt-4 gap-3 p-5 sm:p-6 print:hidden">
      <h2 id="reminders-heading" className="text-2xl font-bold">
        Reminders
      </h2>
      <p className="text-muted">
        We can email you on a day a session is planned if none is logged by the time you choose. Never more than one a day, and never at
        night.
      </p>
      {props.unsubscribed && props.sendAtMinute === null ? (
        <p>You turned reminders off from an email. Choose a time to have them again.</p>
      ) : null}
      <form method="post" action={props.action} className="grid gap-3 sm:flex sm:items-end">
        <div className="grid gap-1">
          <label htmlFor="reminder-time" className="label">
            Email me if nothing is logged by
          </label>
          <select id="reminder-time" name="reminder" defaultValue={current} className="input min-h-12 sm:w-56">
            <option value="off">No reminders</option>
            {REMINDER_MINUTES.map((m) => (
              <option key={m} value={clockLabel(m)}>
                {clockLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary min-h-12 rounded-xl px-5">
          Save
        </button>
      </form>
      <p className="text-sm text-muted">
        Times are {props.timeZone.replace(/_/g, " ")} time.
        {props.saved ? (
          <span role="status" className="ml-1 font-bold text-ok">
            {props.sendAtMinute === null ? "Saved: reminders are off." : `Saved: reminders at ${current}.`}
          </span>
        ) : null}
      </p>
    </section>
  );
}
