import { vi } from "vitest";

/** next/cache outside a request: revalidation is recorded, not performed. */
export const revalidatePath = vi.fn();
export const revalidateTag = vi.fn();
export const updateTag = vi.fn();
export const refresh = vi.fn();
export const unstable_noStore = vi.fn();
