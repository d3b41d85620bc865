import { vi } from "vitest";

/** next/server's after() outside a request: tasks are kept, and run only when a test asks. */
const tasks: (() => unknown)[] = [];

export const after = vi.fn((task: (() => unknown) | Promise<unknown>) => {
  if (typeof task === "function") tasks.push(task);
});

/** Runs (and forgets) every task handed to after() so far, in order. */
export async function runAfterTasks(): Promise<void> {
  while (tasks.length > 0) await tasks.shift()!();
}
