import { z } from "zod";
import { normaliseShortCode } from "@/lib/links/short-code";

/** A short code and the year of birth it asks for, as the code page posts them. */
export const openShortCodeSchema = z.object({
  code: z
    .string()
    .max(40)
    .transform(
      (value, ctx) => normaliseShortCode(value) ?? (ctx.addIssue({ code: "custom", message: "This code does not work." }), z.NEVER),
    ),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "Enter the year as four numbers, like 1958.")
    .transform(Number)
    .refine((year) => year >= 1900 && year <= new Date().getFullYear(), "Enter the year you were born, like 1958."),
});
