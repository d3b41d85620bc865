import { z } from "zod";
import { isTimeZone } from "@/lib/time/zone";
import { PAPER_SIZES, ROLES } from "@/lib/domain/clinic";
import { PASSWORD_MAX } from "@/lib/domain/password";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@clinic.org").max(254, "That email address is too long."));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
  next: z.string().max(500).optional(),
});

const passwordField = z.string().max(PASSWORD_MAX * 4, `Use at most ${PASSWORD_MAX} characters.`);

export const signUpSchema = z.object({
  clinicName: z.string().trim().min(2, "Enter the clinic's name.").max(120, "Keep the clinic name under 120 characters."),
  name: z.string().trim().min(2, "Enter your name.").max(120, "Keep your name under 120 characters."),
  email,
  password: passwordField,
});

export const inviteSchema = z.object({
  name: z.string().trim().max(120).default(""),
  email,
  role: z.enum(ROLES).default("clinician"),
});

export const acceptInviteSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid."),
  name: z.string().trim().min(2, "Enter your name.").max(120),
  password: passwordField,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
  newPassword: passwordField,
});

export const clinicDetailsSchema = z.object({
  name: z.string().trim().min(2, "Enter the clinic's name.").max(120),
  address: z.string().trim().max(300, "Keep the address under 300 characters.").default(""),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\-.\s]*$/, "Use digits, spaces and + ( ) - only.")
    .default(""),
  paperSize: z.enum(PAPER_SIZES, "Choose A4 or Letter."),
  /** IANA name; empty leaves the zone as it is. */
  timeZone: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isTimeZone(v), "Choose a time zone from the list."),
});
