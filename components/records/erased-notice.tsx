"use client";

import { useSearchParams } from "next/navigation";

/** The confirmation after an erasure, on the patients list it lands on. */
export function ErasedNotice() {
  if (useSearchParams().get("erased") !== "1") return null;
  return (
    <p role="status" className="mb-4 rounded-lg bg-ok-soft px-4 py-2 font-bold text-ok">
      The patient&apos;s record was erased. The audit trail notes that it was, and nothing else about them.
    </p>
  );
}
