import fc from "fast-check";

/**
 * What an attacker can put in a server action's form or a route's request: the values
 * people never type (NUL, lone surrogates, numbers past int4, a megabyte), keys that
 * trip up naive code (`__proto__`, Next's own `$ACTION_…`, ids that must come from the
 * session), repeated keys, and bodies that are not what the route expects. Big values
 * are built once and picked, not generated, so a run stays cheap.
 */
export const ONE_MB = "x".repeat(1 << 20);

const NUMBERS = [
  "2147483648",
  "-2147483649",
  "-1",
  "0",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "-1e308",
  "5e-324",
  "9007199254740993",
  "0x1F",
  "1_000",
  " 7 ",
];
const STRANGE = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\uD83D",
  "\r\n",
  "🙂",
  "ÅÄÖ ñ",
  "true",
  "false",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"__proto__":{"polluted":true}}',
  "[1,2,3]",
  "<script>alert(1)</script>",
  "'; drop table clinics; --",
  "../../etc/passwd",
  "%00",
  "2024-02-30",
  "0000-00-00",
  "not-an-email@",
  "a@b.co",
  "00000000-0000-0000-0000-000000000000",
];
const HUGE = [ONE_MB, `${ONE_MB}\u0000`, "\uD800".repeat(4096), "9".repeat(5000)];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...NUMBERS, ...STRANGE) },
  { weight: 12, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 4, arbitrary: fc.uuid() },
  { weight: 4, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  { weight: 4, arbitrary: fc.json({ maxDepth: 2 }) },
  // Rare, so a form holds a megabyte now and then rather than in every other run.
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    "$ACTION_ID_x",
    "$ACTION_ID_0123456789abcdef",
    "$ACTION_REF_1",
    "$ACTION_KEY",
    "$ACTION_1:0",
    "clinicId",
    "id",
    "role",
    "sessionVersion",
    "clinicianId",
    "",
  ),
  fc.string({ unit: "binary", maxLength: 12 }),
);

/** A JSON value where a number, string or id was expected. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(2147483648, -1, 0, 1e308, -1e308, 5e-324, 9007199254740993, 1.5, "", "\u0000", "\uD800", null, true, [], {}, ONE_MB),
  fc.jsonValue({ maxDepth: 2 }),
);

export type FormEntries = [string, string | Blob][];

/** Form fields: mostly the action's own names (some with the value it wants), the rest hostile keys; names repeat. */
export function formEntries(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<FormEntries> {
  const named = Object.entries(fields).map(([key, good]) => fc.tuple(fc.constant(key), fc.oneof(good, hostileText)));
  const stray = fc.tuple(
    hostileKey,
    fc.oneof({ weight: 5, arbitrary: hostileText }, { weight: 1, arbitrary: fc.constant(new Blob(["%PDF"])) }),
  );
  const entry = named.length ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...named) }, { weight: 1, arbitrary: stray }) : stray;
  return fc.array(entry as fc.Arbitrary<[string, string | Blob]>, { maxLength: 14 });
}

export function toFormData(entries: FormEntries): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

/**
 * An action's second argument. Next decodes it from the request body, so besides a
 * form it can be any value the body encodes: a string, a number, a Map, nothing.
 */
export type ActionInput = { form: FormEntries } | { raw: unknown };
export function actionInput(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<ActionInput> {
  return fc.oneof(
    { weight: 9, arbitrary: formEntries(fields).map((form) => ({ form })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.anything({ maxDepth: 2 }),
          fc.constantFrom<unknown>(undefined, null, "", ONE_MB, 2147483648, new Map([[1, 2]]), new Set(["x"]), [["name", "x"]]),
        )
        .map((raw) => ({ raw })),
    },
  );
}

/** A request to a route handler, built fresh for each run (a body can be read once). */
export type RequestShape = {
  method: string;
  path: string;
  query: [string, string][];
  headers: [string, string][];
  body: string | null;
  params: Record<string, string>;
};

const CONTENT_TYPES = [
  "application/json",
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "application/json; charset=utf-16",
  "image/png",
  "}{",
];
const ORIGINS = ["http://homeplan.test", "https://evil.example", "null", "not a url"];

export const requestHeaders: fc.Arbitrary<[string, string][]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constant("content-type"), fc.constantFrom(...CONTENT_TYPES)) },
    // Rarer: any Origin the test request cannot match is refused before the body is read.
    { weight: 1, arbitrary: fc.tuple(fc.constant("origin"), fc.constantFrom(...ORIGINS)) },
    {
      weight: 3,
      arbitrary: fc.tuple(
        fc.constantFrom("x-forwarded-for", "x-real-ip", "idempotency-key", "accept", "range"),
        fc.string({ unit: "grapheme-ascii", maxLength: 30 }).map((s) => s.replace(/[\r\n\0]/g, "")),
      ),
    },
  ),
  { maxLength: 4 },
);

/** Bodies a route might be sent: not JSON, the wrong JSON, JSON shaped right with wrong values, far too much. */
export function requestBody(shapedRight: fc.Arbitrary<unknown> = fc.constant({})): fc.Arbitrary<string | null> {
  return fc.oneof(
    fc.constant(null),
    fc.constantFrom("", "{", "not json", "[]", "null", "1e308", '"\uD800"', `{"a":${"[".repeat(5000)}`, ONE_MB, `"${ONE_MB}"`),
    fc.string({ unit: "binary", maxLength: 200 }),
    hostileJson.map((v) => JSON.stringify(v) ?? "null"),
    { weight: 3, arbitrary: shapedRight.map((v) => JSON.stringify(v) ?? "null") },
  );
}

export function routeRequest(shape: {
  method: string;
  path: string;
  params?: Record<string, fc.Arbitrary<string>>;
  query?: string[];
  body?: fc.Arbitrary<string | null>;
  /** Headers a real caller sends (an API key), kept or dropped, before the hostile ones. */
  headers?: fc.Arbitrary<[string, string][]>;
}): fc.Arbitrary<RequestShape> {
  const queryKeys = fc.oneof(fc.constantFrom(...(shape.query ?? ["q"])), hostileKey);
  return fc.record({
    method: fc.constant(shape.method),
    path: fc.constant(shape.path),
    query: fc.array(fc.tuple(queryKeys, hostileText), { maxLength: 6 }),
    headers: shape.headers ? fc.tuple(shape.headers, requestHeaders).map(([fixed, hostile]) => [...fixed, ...hostile]) : requestHeaders,
    body: shape.body ?? fc.constant(null),
    params: fc.record(
      Object.fromEntries(Object.entries(shape.params ?? {}).map(([k, v]) => [k, fc.oneof(v, hostileText)])),
    ) as fc.Arbitrary<Record<string, string>>,
  });
}

export function toRequest(shape: RequestShape): Request {
  const url = new URL(`http://homeplan.test${shape.path}`);
  for (const [k, v] of shape.query) url.searchParams.append(k, v);
  const headers = new Headers();
  for (const [k, v] of shape.headers) headers.append(k, v);
  const hasBody = shape.body !== null && shape.method !== "GET" && shape.method !== "HEAD";
  return new Request(url, { method: shape.method, headers, body: hasBody ? shape.body : undefined });
}
