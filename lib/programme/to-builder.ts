import { dosageOf, type LoadedProgramme } from "@/db/queries/programmes";
import type { BuilderContent } from "./builder-types";

/** A saved version as the builder's starting state (a template keeps only its exercises). */
export function toBuilderContent(p: LoadedProgramme, options: { asTemplate?: boolean } = {}): BuilderContent {
  return {
    title: p.version.title,
    patientNote: options.asTemplate ? "" : p.version.patientNote,
    changeNote: "",
    startDate: options.asTemplate ? "" : (p.version.startDate ?? ""),
    reviewDate: options.asTemplate ? "" : (p.version.reviewDate ?? ""),
    items: p.items.map((i, index) => ({
      key: `${index}-${i.exerciseId}`,
      exerciseId: i.exerciseId,
      name: i.name,
      purpose: i.purpose,
      position: i.bodyPosition,
      dosage: dosageOf(i),
    })),
  };
}
