// The fuzz suite (tests/access/fuzz-run.ts) over every route handler found on disk.
import { vi } from "vitest";
import { describeFuzz } from "../access/fuzz-run";

vi.mock("@/lib/auth/auth", () => import("../mocks/auth.mock"));
vi.mock("next-auth", () => import("../mocks/next-auth.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/navigation", () => import("../mocks/next-navigation.mock"));
vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("next/server", () => import("../mocks/next-server.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

await describeFuzz("route");
