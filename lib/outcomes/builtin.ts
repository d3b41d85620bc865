import { isBuiltinMeasure, OUTCOME_LIMITS, type BuiltinMeasure } from "@/lib/domain/outcomes";
import type { MeasureDefinition } from "./measure";

/*
 * The two measures every clinic may use without a licence. Their wording here is
 * Homeplan's own plain-words version; the instruments, their scoring and their MCIDs
 * are cited in content/outcomes/sources.md (editorial: not from the seeds).
 */

const activities = Array.from({ length: OUTCOME_LIMITS.activities.max }, (_, i) => ({
  linkId: `activity-${i + 1}`,
  type: "activity" as const,
  text: `Activity ${i + 1}`,
  min: 0,
  max: 10,
}));

export const BUILTIN: Record<BuiltinMeasure, MeasureDefinition> = {
  psfs: {
    key: "psfs",
    title: "Patient-Specific Functional Scale",
    shortTitle: "PSFS",
    patientTitle: "Everyday activities",
    intro:
      "Name up to five everyday activities your problem makes hard. For each, tap how well you can do it today: 0 means you cannot do it at all, 10 means you can do it as well as before.",
    items: activities,
    rule: "mean",
    mcid: 2,
    higherIsBetter: true,
    source: "Stratford et al., Physiotherapy Canada 1995; MCID about 2 points on the mean score (Horn et al., JOSPT 2012).",
  },
  nprs: {
    key: "nprs",
    title: "Numeric Pain Rating Scale",
    shortTitle: "Pain (NPRS)",
    patientTitle: "Your pain",
    intro: "Tap one number.",
    items: [
      {
        linkId: "pain",
        type: "integer",
        text: "How bad has your pain been over the last 24 hours? 0 means no pain, 10 means the worst pain you can imagine.",
        min: 0,
        max: 10,
        anchors: ["no pain", "worst pain"],
      },
    ],
    rule: "sum",
    mcid: 2,
    mcidPercent: 30,
    higherIsBetter: false,
    source: "11-point numeric rating; MCID 2 points or 30 % (Farrar et al., Pain 2001; Childs et al., Spine 2005).",
  },
};

export const isBuiltin = isBuiltinMeasure;
