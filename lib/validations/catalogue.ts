import { z } from "zod";

const optional = z
  .union([z.string(), z.array(z.string())])
  .optional()
  // NUL cannot reach Postgres text; nobody types it.
  .transform((v) => (Array.isArray(v) ? v[0] : v)?.replaceAll("\u0000", "").trim().slice(0, 100) || undefined);

/** Catalogue URL parameters; anything unexpected is ignored rather than an error. */
export const catalogueFiltersSchema = z
  .object({ q: optional, category: optional, position: optional, equipment: optional, region: optional })
  .transform(({ region, ...rest }) => ({ ...rest, bodyRegion: region }));
