import { clockLabel } from "@/lib/domain/reminders";

/** Whether the patient asked for missed-session emails, for the clinician; the patient alone changes it. */
export function ReminderStatus(props: {
  sendAtMinute: number | null;
  unsubscribedOn: string | null;
  lastSentOn: string | null;
  timeZone: string;
}) {
  const zone = props.timeZone.replace(/_/g, " ");
  return (
    <section className="card p-5" aria-labelledby="reminders">
      <h2 id="reminders" className="text-lg font-bold">
        Reminders
      </h2>
      <p className="mt-2 text-sm" data-testid="reminder-status">
        {props.sendAtMinute !== null ? (
          <>
            <span className="font-bold text-ok">On</span>: an email at {clockLabel(props.sendAtMinute)} ({zone} time) on planned days with
            no session logged.
          </>
        ) : props.unsubscribedOn ? (
          <>
            <span className="font-bold">Off</span>: the patient unsubscribed from an email on {props.unsubscribedOn}.
          </>
        ) : (
          <>
            <span className="font-bold">Off</span>. Patients turn reminders on from their own page.
          </>
        )}
      </p>
      {props.lastSentOn ? <p className="mt-1 text-sm text-muted">Last reminder: {props.lastSentOn}.</p> : null}
    </section>
  );
}
