import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/domain/clinic";

type ClinicianClaims = { clinicId: string; role: Role; sessionVersion: number };

declare module "next-auth" {
  interface User extends Partial<ClinicianClaims> {
    id?: string;
  }
  interface Session {
    user: DefaultSession["user"] & ClinicianClaims & { id: string };
  }
}

declare module "@auth/core/jwt" {
  interface JWT extends Partial<ClinicianClaims> {
    authTime?: number;
  }
}
