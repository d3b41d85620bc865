import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { getClinicZone } from "@/db/queries/time-zones";
import { effectiveTimeZone } from "./zone";

/** The zone a clinic's own screens show times in: its setting, else the server's. */
export async function clinicTimeZone(db: DatabaseOrTransaction, clinicId: string): Promise<string> {
  return effectiveTimeZone(null, await getClinicZone(db, { clinicId }));
}
