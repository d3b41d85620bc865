import { z } from "zod";
import { isRealDate } from "@/lib/dates";
import { isTimeZone } from "@/lib/time/zone";

const dateOfBirth = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || isRealDate(v), "Enter the date as day, month and year.")
  .refine((v) => v === "" || (new Date(v) <= new Date() && new Date(v).getFullYear() >= 1900), "Enter a date of birth in the past.")
  .transform((v) => v || null);

export const patientSchema = z.object({
  name: z.string().trim().min(2, "Enter the patient's name.").max(120, "Keep the name under 120 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address like name@example.com").max(254)),
  dateOfBirth,
  /** Empty for the clinic's zone. */
  timeZone: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isTimeZone(v), "Choose a time zone from the list.")
    .transform((v) => v || null),
  notes: z.string().trim().max(4000, "Keep notes under 4,000 characters.").default(""),
});

/** What a save writes; a caller without a zone (a seed, an import) leaves it as it is. */
export type PatientInput = Omit<z.output<typeof patientSchema>, "timeZone"> & { timeZone?: string | null };

/** What a clinician types to find a patient by name or email (the picker in the media upload). */
export const patientPickerQuery = z.object({ q: z.string().trim().min(1).max(100) });
