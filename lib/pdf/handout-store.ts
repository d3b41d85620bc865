import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { findHandoutPdf, storeHandoutPdf } from "@/db/queries/handouts";
import { logError } from "@/lib/errors";
import type { HandoutStore } from "./handout-cache";

/**
 * Disk the stored handouts may take, all clinics together: at 50–100 kB a sheet, about a
 * thousand handouts, more than a small clinic's programmes change in a month.
 */
const HANDOUT_STORE_BYTES = 64 * 1024 * 1024;

/**
 * Rendered handouts kept in the database (handout_pdfs), so a sheet drawn in the
 * background after a save, or before a restart, is read rather than drawn again. A
 * failure to read or write is logged and costs only a render. `readOnly` for requests
 * that must write nothing (a patient's GET).
 */
export function handoutStore(
  db: DatabaseOrTransaction,
  key: { clinicId: string; programmeId: string; digest: string },
  options: { readOnly?: boolean } = {},
): HandoutStore {
  return {
    load: async () => {
      try {
        return await findHandoutPdf(db, key);
      } catch (error) {
        logError("stored handout could not be read", error);
        return null;
      }
    },
    save: async (pdf) => {
      if (options.readOnly) return;
      try {
        await storeHandoutPdf(db, { ...key, pdf }, HANDOUT_STORE_BYTES);
      } catch (error) {
        logError("rendered handout could not be stored", error);
      }
    },
  };
}
