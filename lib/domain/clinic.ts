/** Who a clinician is in their clinic: an owner manages clinicians, keys and the clinic's details. */
export const ROLES = ["owner", "clinician"] as const;
export type Role = (typeof ROLES)[number];

/** The paper a clinic's handouts print on. */
export const PAPER_SIZES = ["A4", "LETTER"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** A programme belongs to a patient; a template is one kept to start programmes from. */
export const PROGRAMME_KINDS = ["programme", "template"] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
