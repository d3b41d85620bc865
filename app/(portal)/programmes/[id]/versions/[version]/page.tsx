import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeList, VersionView } from "@/components/programme/version-view";
import { getDb } from "@/db/client";
import { getProgrammeVersion, toDiffVersion } from "@/db/queries/programmes";
import { requireClinician } from "@/lib/auth/dal";
import { isUuid } from "@/lib/ids";
import { describeChanges, diffVersions } from "@/lib/programme/diff";

export const metadata: Metadata = { title: "Programme version" };

export default async function VersionPage({ params }: { params: Promise<{ id: string; version: string }> }) {
  const session = await requireClinician();
  const { id, version: raw } = await params;
  const version = Number(raw);
  if (!isUuid(id) || !Number.isInteger(version) || version < 1 || version > 2_147_483_647) notFound();
  const db = await getDb();
  const programme = await getProgrammeVersion(db, { id, clinicId: session.clinicId, version });
  if (!programme) notFound();
  const previous = version > 1 ? await getProgrammeVersion(db, { id, clinicId: session.clinicId, version: version - 1 }) : undefined;
  const changes = previous ? describeChanges(diffVersions(toDiffVersion(previous), toDiffVersion(programme))) : null;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href={`/programmes/${id}`} className="link">
          Back to the programme
        </Link>
      </nav>
      <h1 className="mb-1 text-3xl font-bold">{programme.version.title}</h1>
      <p className="mb-6 text-muted">
        Version {version} of {programme.header.currentVersion}
        {version === programme.header.currentVersion ? " · current" : " · an earlier version, kept for the record"}
      </p>
      {changes ? (
        <section className="card mb-6 p-5">
          <h2 className="mb-2 text-lg font-bold">Changed from version {version - 1}</h2>
          <ChangeList lines={changes} />
        </section>
      ) : null}
      <VersionView programme={programme} />
    </>
  );
}
