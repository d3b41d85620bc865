import { vi } from "vitest";

/** next/cache outside a request: revalidation is recorded, not performed; "use cache" is only a string here, so its life and tags are recorded too. */
export const revalidatePath = vi.fn();
export const revalidateTag = vi.fn();
export const updateTag = vi.fn();
export const refresh = vi.fn();
export const cacheLife = vi.fn();
export const cacheTag = vi.fn();
export const unstable_cache = <T>(fn: T) => fn;
export const unstable_noStore = vi.fn();
