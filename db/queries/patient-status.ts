import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type DatabaseOrTransaction } from "@/db/client";

export type PatientStatusRow = {
  id: string;
  name: string;
  email: string;
  programmeId: string | null;
  programmeTitle: string | null;
  startDate: string | null;
  plannedPerWeek: number | null;
  linkCreatedAt: Date | null;
  linkState: "active" | "revoked" | "expired" | null;
  sessionsThisWeek: number;
  lastSessionAt: Date | null;
  recent: { at: string; pain: number | null }[];
};

const asDate = (v: unknown) => (v == null ? null : new Date(v as string));
const asJson = <T,>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

/**
 * One row per patient for the list: their newest programme, its link, and their
 * sessions in the last seven days and last five pain scores. One round trip.
 */
export async function listPatientStatus(db: DatabaseOrTransaction, { clinicId, q }: { clinicId: string; q?: string }): Promise<PatientStatusRow[]> {
  const term = q?.replaceAll("\u0000", "").trim().slice(0, 100);
  const pattern = term ? `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const result = await db.execute(sql`
    select p.id, p.name, p.email,
           prog.id as programme_id, prog.title as programme_title, prog.start_date, prog.planned_per_week,
           link.created_at as link_created_at,
           case when link.created_at is null then null
                when link.revoked_at is not null then 'revoked'
                when link.expires_at <= now() then 'expired' else 'active' end as link_state,
           coalesce(s.week_count, 0)::int as sessions_this_week, s.last_at,
           coalesce(r.recent, '[]'::json) as recent
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
      select count(*) filter (where sl.completed_at >= now() - interval '7 days') as week_count, max(sl.completed_at) as last_at
      from session_logs sl where sl.clinic_id = p.clinic_id and sl.patient_id = p.id) s on true
    left join lateral (
      select json_agg(json_build_object('at', x.completed_at, 'pain', x.pain) order by x.completed_at) as recent
      from (select completed_at, pain from session_logs sl2
            where sl2.clinic_id = p.clinic_id and sl2.patient_id = p.id
            order by completed_at desc limit 5) x) r on true
    where p.clinic_id = ${clinicId} and p.archived_at is null
      and (${pattern}::text is null or p.name ilike ${pattern} or p.email ilike ${pattern})
    order by lower(p.name)
    limit 500`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: r.id as string,
    name: r.name as string,
    email: r.email as string,
    programmeId: (r.programme_id as string) ?? null,
    programmeTitle: (r.programme_title as string) ?? null,
    startDate: r.start_date == null ? null : String(r.start_date instanceof Date ? r.start_date.toISOString().slice(0, 10) : r.start_date),
    plannedPerWeek: r.planned_per_week == null ? null : Number(r.planned_per_week),
    linkCreatedAt: asDate(r.link_created_at),
    linkState: (r.link_state as PatientStatusRow["linkState"]) ?? null,
    sessionsThisWeek: Number(r.sessions_this_week),
    lastSessionAt: asDate(r.last_at),
    recent: asJson<{ at: string; pain: number | null }[]>(r.recent),
  }));
}
