import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/*
 * A busy clinic after two years, written by set-based SQL (generate_series), not a row
 * at a time: `patients` patients, one programme each, `logsPerPatient` sessions each
 * spread over two years. Every fifth patient has no link; every seventh has been quiet
 * for a month; pain wanders so some patients are rising. Only the seeded programmes are
 * touched, not the clinic's starter templates. Shared by the scale test and the benchmark.
 */
export async function seedScaleClinic(
  db: Database,
  { clinicId, patients, logsPerPatient }: { clinicId: string; patients: number; logsPerPatient: number },
) {
  await db.transaction(async (tx) => {
    // The rows are built consistent with their foreign keys, so skip checking 200,000 of
    // them one trigger call at a time (a superuser setting, reset when the transaction ends).
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      insert into patients (clinic_id, name, email, created_at)
      select ${clinicId}, (array['Ada','Ben','Chloe','Dev','Esme','Femi','Gita','Hugo','Ines','Jon'])[1 + g % 10] || ' ' ||
                          (array['Hughes','Patel','Okafor','Smith','Novak','Reyes','Khan','Brown'])[1 + (g / 10) % 8] || ' ' || g,
             'patient' || g || '@example.org', now() - interval '2 years' + g * interval '1 hour'
      from generate_series(1, ${patients}) g`);
    await tx.execute(sql`
      insert into programmes (clinic_id, kind, patient_id, current_version, updated_at)
      select clinic_id, 'programme', id, 1, created_at from patients where clinic_id = ${clinicId}`);
    await tx.execute(sql`
      insert into programme_versions (clinic_id, programme_id, version, title, start_date)
      select clinic_id, id, 1, 'Home exercises', (updated_at at time zone 'UTC')::date from programmes
      where clinic_id = ${clinicId} and kind = 'programme'`);
    await tx.execute(sql`
      insert into patient_links (clinic_id, patient_id, programme_id, token_hash, token_ciphertext, expires_at, created_at)
      select clinic_id, patient_id, id, sha256(convert_to(id::text, 'UTF8')), 'bench', now() + interval '1 year', updated_at
      from (select pr.*, row_number() over (order by pr.id) as n from programmes pr where pr.clinic_id = ${clinicId} and pr.kind = 'programme') x
      where n % 5 <> 0`);
    await tx.execute(sql`
      insert into session_logs (clinic_id, patient_id, programme_id, version, idempotency_key, completed_at, pain, comment)
      select pr.clinic_id, pr.patient_id, pr.id, 1, pr.id::text || '-' || g,
             now() - ((case when pr.n % 7 = 0 then 30 else 0 end) + (g - 1) * (700.0 / ${logsPerPatient}) + (pr.n % 5)) * interval '1 day'
                   - (pr.n % 600) * interval '1 minute',
             case when (g + pr.n) % 9 = 0 then null else ((g * 3 + pr.n) % 11) end,
             case when g % 10 = 0 then 'Felt a bit stiff afterwards' else '' end
      from (select p.*, row_number() over (order by p.id) as n from programmes p where p.clinic_id = ${clinicId} and p.kind = 'programme') pr
      cross join generate_series(1, ${logsPerPatient}) g`);
    // Triggers were off for the load, so each patient's activity is counted once here, as
    // after a restore.
    await tx.execute(sql`
      select refresh_patient_activity(array_agg(clinic_id), array_agg(id)) from patients where clinic_id = ${clinicId}`);
  });
}
