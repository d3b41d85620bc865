import type { SafetyAdvice } from "@/lib/programme/view";
import { PhoneIcon, StopHandIcon } from "./icons";

const STOP_LINE = "Stop any exercise that makes your pain worse.";

/** The one line that is never far away. */
export function SafetyLine({ href, className = "" }: { href?: string; className?: string }) {
  return (
    <p className={`flex items-start gap-3 rounded-xl border border-warn/30 bg-warn-soft px-4 py-3 text-warn ${className}`}>
      <StopHandIcon className="mt-0.5 size-6" />
      <span>
        <strong>{STOP_LINE}</strong>{" "}
        {href ? (
          <a href={href} className="font-bold text-warn underline decoration-2 underline-offset-2 print:hidden">
            Safety advice
          </a>
        ) : null}
      </span>
    </p>
  );
}

/**
 * One piece of advice. Urgent advice (the red flags) is set apart in the danger colour
 * with its warning signs as a list, so it reads as "act on this", not as a tip.
 */
export function AdviceItem({ advice: a, heading: Heading = "h3" }: { advice: SafetyAdvice; heading?: "h2" | "h3" }) {
  const stop = a.id === "stop-if-pain-worse";
  const tone = a.urgent ? "bg-danger-soft print:bg-white" : stop ? "bg-warn-soft print:bg-white" : "";
  return (
    <li className={`break-inside-avoid px-5 py-4 ${tone}`}>
      <Heading className={`text-xl font-bold ${a.urgent ? "text-danger" : stop ? "text-warn" : ""}`}>{a.title}</Heading>
      {a.signs?.length ? (
        <ul className="mt-2 grid list-disc gap-1 pl-6 marker:text-danger">
          {a.signs.map((sign) => (
            <li key={sign}>{sign}</li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2">{a.text}</p>
    </li>
  );
}

/** Every piece of general advice, and how to reach the clinic. */
export function SafetyAdviceSection({ advice, clinic }: { advice: SafetyAdvice[]; clinic: { name: string; phone: string } }) {
  return (
    <section id="safety" aria-labelledby="safety-heading" className="scroll-mt-4">
      <h2 id="safety-heading" className="text-2xl font-bold">
        Staying safe
      </h2>
      <ul className="card mt-3 divide-y divide-line overflow-hidden print:border-ink/30 print:shadow-none">
        {advice.map((a) => (
          <AdviceItem key={a.id} advice={a} />
        ))}
      </ul>
      {clinic.phone ? (
        <p className="mt-4 flex items-center gap-3">
          <PhoneIcon className="size-6 text-brand-700" />
          <span>
            Questions? Call {clinic.name} on{" "}
            <a className="link whitespace-nowrap" href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`}>
              {clinic.phone}
            </a>
            .
          </span>
        </p>
      ) : null}
    </section>
  );
}
