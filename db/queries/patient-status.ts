import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type DatabaseOrTransaction } from "@/db/client";
import { PAIN_RISE, QUIET_DAYS } from "@/lib/domain/adherence";
import { decodeCursor, keyColumns, keysetOrder, keysetWhere, PAGE_SIZE, toPage, type Keyset, type Page } from "@/lib/pagination";
import { PATIENT_SHOWS, PATIENT_SORTS } from "@/lib/domain/patient-list";
import type { PatientListQuery } from "@/lib/patient/list-query";

export type PatientStatusRow = {
  id: string;
  name: string;
  email: string;
  archivedAt: Date | null;
  programmeId: string | null;
  programmeTitle: string | null;
  startDate: string | null;
  plannedPerWeek: number | null;
  linkCreatedAt: Date | null;
  linkState: "active" | "revoked" | "expired" | null;
  sessionsThisWeek: number;
  lastSessionAt: Date | null;
  recent: { at: string; pain: number | null }[];
  /** 2 for rising pain, 1 for silence, 3 for both: the same rule as lib/adherence/flags.ts, in SQL. */
  urgency: number;
};

const asDate = (v: unknown) => (v == null ? null : new Date(v as string));
const asJson = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

function searchPattern(q: string | undefined) {
  const term = q?.replaceAll("\u0000", "").trim().slice(0, 100);
  return term ? `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
}

// The one flag rule of lib/adherence/flags.ts, in SQL, over aliases prog, link and r (newest
// session time last_at, and pains: the pain of the last five sessions, newest first).
const urgencySql = sql`((coalesce(cardinality(r.pains), 0) >= 2 and r.pains[1] - r.pains[least(cardinality(r.pains), 3)] >= ${PAIN_RISE})::int * 2
  + (link.created_at is not null and link.revoked_at is null and link.expires_at > now()
     and greatest(r.last_at, link.created_at, (prog.start_date::timestamp at time zone 'UTC'))
         <= now() - make_interval(days => ${QUIET_DAYS}))::int)`;

// A patient's last five sessions, newest first, read from the index alone (it carries pain).
const lastFiveSql = sql`left join lateral (
      select json_agg(json_build_object('at', x.completed_at, 'pain', x.pain) order by x.completed_at) as recent,
             max(x.completed_at) as last_at,
             array_agg(x.pain order by x.completed_at desc) filter (where x.pain is not null) as pains
      from (select completed_at, pain from session_logs sl2
            where sl2.clinic_id = p.clinic_id and sl2.patient_id = p.id
            order by completed_at desc limit 5) x) r on true`;

function patientWhere(clinicId: string, { archived, q }: { archived: boolean; q?: string }): SQL {
  const pattern = searchPattern(q);
  return sql`p.clinic_id = ${clinicId} and ${archived ? sql`p.archived_at is not null` : sql`p.archived_at is null`}
      and (${pattern}::text is null or p.name ilike ${pattern} or p.email ilike ${pattern})`;
}

/**
 * What the list filters and sorts by, for every patient of the clinic at once: newest
 * programme and link found by one pass each (DISTINCT ON), the newest session and recent
 * pain from patient_activity (kept by triggers on session_logs), so no patient's sessions
 * are read. Used only when the order or filter needs the flags.
 */
function flagRows(clinicId: string, where: { archived: boolean; q?: string }): SQL {
  return sql`
    select p.id, lower(p.name) as sort_name, link.created_at as link_created_at, r.last_at, ${urgencySql} as urgency
    from patients p
    left join (
      select distinct on (pr.patient_id) pr.patient_id, pr.id, v.start_date
      from programmes pr
      join programme_versions v on v.clinic_id = pr.clinic_id and v.programme_id = pr.id and v.version = pr.current_version
      where pr.clinic_id = ${clinicId} and pr.kind = 'programme' and pr.archived_at is null
      order by pr.patient_id, pr.updated_at desc) prog on prog.patient_id = p.id
    left join (
      select distinct on (l.programme_id) l.programme_id, l.created_at, l.revoked_at, l.expires_at
      from patient_links l where l.clinic_id = ${clinicId}
      order by l.programme_id, l.created_at desc) link on link.programme_id = prog.id
    left join (
      select a.patient_id, a.last_session_at as last_at, a.recent_pains as pains
      from patient_activity a where a.clinic_id = ${clinicId}) r on r.patient_id = p.id
    where ${patientWhere(clinicId, where)}`;
}

/**
 * Everything a row of the list shows, for the given patients only (a page): their newest
 * programme, its link, this week's sessions, last five pain scores and the flags.
 */
function statusRows(clinicId: string, ids: string[]): SQL {
  if (ids.length === 0) throw new Error("statusRows needs at least one patient");
  return sql`
    select p.id, p.name, p.email, p.archived_at,
           prog.id as programme_id, prog.title as programme_title, prog.start_date, prog.planned_per_week,
           link.created_at as link_created_at,
           case when link.created_at is null then null
                when link.revoked_at is not null then 'revoked'
                when link.expires_at <= now() then 'expired' else 'active' end as link_state,
           coalesce(wk.n, 0)::int as sessions_this_week, r.last_at,
           coalesce(r.recent, '[]'::json) as recent,
           ${urgencySql} as urgency
    from patients p
    left join lateral (
      select pr.id, v.title, v.start_date,
             (select max(least(i.days_per_week, 7) * greatest(i.times_per_day, 1)) from programme_items i
               where i.clinic_id = pr.clinic_id and i.programme_id = pr.id and i.version = pr.current_version) as planned_per_week
      from programmes pr
      join programme_versions v on v.clinic_id = pr.clinic_id and v.programme_id = pr.id and v.version = pr.current_version
      where pr.clinic_id = p.clinic_id and pr.patient_id = p.id and pr.archived_at is null
      order by pr.updated_at desc limit 1) prog on true
    left join lateral (
      select l.created_at, l.revoked_at, l.expires_at from patient_links l
      where l.clinic_id = p.clinic_id and l.programme_id = prog.id
      order by l.created_at desc limit 1) link on true
    left join lateral (
      select count(*) as n from session_logs sl
      where sl.clinic_id = p.clinic_id and sl.patient_id = p.id and sl.completed_at >= now() - interval '7 days') wk on true
    ${lastFiveSql}
    where p.clinic_id = ${clinicId} and p.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
}

/** The rows a page or count starts from: the patients index alone when nothing needs the flags. */
function baseRows(clinicId: string, query: Pick<PatientListQuery, "show" | "sort" | "q">): SQL {
  const where = { archived: query.show === "archived", q: query.q };
  const needsFlags = query.sort !== "name" || (query.show !== "all" && query.show !== "archived");
  return needsFlags
    ? flagRows(clinicId, where)
    : sql`select p.id, lower(p.name) as sort_name from patients p where ${patientWhere(clinicId, where)}`;
}

const showFilter: Record<(typeof PATIENT_SHOWS)[number], SQL | undefined> = {
  all: undefined,
  archived: undefined,
  attention: sql`s.urgency > 0`,
  not_sent: sql`s.link_created_at is null`,
  quiet: sql`(s.last_at is null or s.last_at < now() - make_interval(days => ${QUIET_DAYS}))`,
};

const keysets: Record<(typeof PATIENT_SORTS)[number], Keyset> = {
  name: {
    desc: false,
    parts: [
      { expr: sql`s.sort_name`, type: "text" },
      { expr: sql`s.id`, type: "uuid" },
    ],
  },
  last_session: {
    desc: true,
    parts: [
      { expr: sql`coalesce(extract(epoch from s.last_at), 0)`, type: "numeric" },
      { expr: sql`s.id`, type: "uuid" },
    ],
  },
  attention: {
    desc: false,
    parts: [
      { expr: sql`(3 - s.urgency)`, type: "int" },
      { expr: sql`s.sort_name`, type: "text" },
      { expr: sql`s.id`, type: "uuid" },
    ],
  },
};

export function patientKeyset(sort: PatientListQuery["sort"]): Keyset {
  return keysets[sort];
}

/** The SQL that picks one page's patients (limit + 1 rows), separate so tests can EXPLAIN exactly what the page runs. */
export function patientPageSql(clinicId: string, query: PatientListQuery, pageSize = PAGE_SIZE) {
  const keyset = keysets[query.sort];
  const cursor = decodeCursor(query.cursor, keyset);
  const conditions = [showFilter[query.show], keysetWhere(keyset, cursor)].filter((c): c is SQL => c !== undefined);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const text = sql`
    select s.id, ${keyColumns(keyset)} as page_key
    from (${baseRows(clinicId, query)}) s
    ${where}
    order by ${sql.join(keysetOrder(keyset, cursor), sql`, `)}
    limit ${pageSize + 1}`;
  return { text, cursor };
}

/** The SQL of what the page shows for the patients it picked. */
export function patientRowsSql(clinicId: string, ids: string[]) {
  return statusRows(clinicId, ids);
}

/** One page of the patient list, in the order and with the filter the URL asks for. */
export async function listPatientPage(
  db: DatabaseOrTransaction,
  {
    clinicId,
    query,
    pageSize = PAGE_SIZE,
    withTotal = true,
  }: { clinicId: string; query: PatientListQuery; pageSize?: number; withTotal?: boolean },
): Promise<Page<PatientStatusRow>> {
  const { text, cursor } = patientPageSql(clinicId, query, pageSize);
  const [picked, total] = await Promise.all([db.execute(text), withTotal ? countPatients(db, { clinicId, query }) : Promise.resolve(null)]);
  const keys = rowsOf<{ id: string; page_key: unknown }>(picked);
  const shown = keys.length
    ? rowsOf<Record<string, unknown>>(
        await db.execute(
          statusRows(
            clinicId,
            keys.map((k) => k.id),
          ),
        ),
      )
    : [];
  const byId = new Map(shown.map((r) => [r.id as string, toStatusRow(r)]));
  const fetched = keys.flatMap((k) => {
    const row = byId.get(k.id);
    return row ? [{ ...row, pageKey: k.page_key }] : [];
  });
  return toPage(fetched, { cursor, pageSize, total });
}

/** How many patients the list would show in all, counted by the database, not by loading them. */
async function countPatients(
  db: DatabaseOrTransaction,
  { clinicId, query }: { clinicId: string; query: Pick<PatientListQuery, "show" | "q"> },
) {
  return Number(rowsOf<{ n: number }>(await db.execute(patientCountSql(clinicId, query)))[0]?.n ?? 0);
}

export function patientCountSql(clinicId: string, query: Pick<PatientListQuery, "show" | "q">): SQL {
  const filter = showFilter[query.show];
  return sql`select count(*)::int as n from (${baseRows(clinicId, { ...query, sort: "name" })}) s ${filter ? sql`where ${filter}` : sql``}`;
}

/** The dashboard's counts in one pass over the clinic's current patients. */
export async function patientStatusCounts(db: DatabaseOrTransaction, { clinicId }: { clinicId: string }) {
  const result = await db.execute(patientStatusCountsSql(clinicId));
  const row = rowsOf<Record<string, number>>(result)[0];
  return {
    attention: Number(row?.attention ?? 0),
    notSent: Number(row?.not_sent ?? 0),
    quiet: Number(row?.quiet ?? 0),
    active: Number(row?.active ?? 0),
  };
}

export function patientStatusCountsSql(clinicId: string): SQL {
  return sql`
    select count(*) filter (where s.urgency > 0)::int as attention,
           count(*) filter (where s.link_created_at is null)::int as not_sent,
           count(*) filter (where ${showFilter.quiet})::int as quiet,
           count(*)::int as active
    from (${flagRows(clinicId, { archived: false })}) s`;
}

function toStatusRow(r: Record<string, unknown>): PatientStatusRow {
  return {
    id: r.id as string,
    name: r.name as string,
    email: r.email as string,
    archivedAt: asDate(r.archived_at),
    programmeId: (r.programme_id as string) ?? null,
    programmeTitle: (r.programme_title as string) ?? null,
    startDate: r.start_date == null ? null : String(r.start_date instanceof Date ? r.start_date.toISOString().slice(0, 10) : r.start_date),
    plannedPerWeek: r.planned_per_week == null ? null : Number(r.planned_per_week),
    linkCreatedAt: asDate(r.link_created_at),
    linkState: (r.link_state as PatientStatusRow["linkState"]) ?? null,
    sessionsThisWeek: Number(r.sessions_this_week),
    lastSessionAt: asDate(r.last_at),
    recent: asJson<{ at: string; pain: number | null }[]>(r.recent),
    urgency: Number(r.urgency),
  };
}
