"use client";

import Link from "next/link";
import { AttentionCell, LinkCell, PainTrend } from "@/components/records/status-cells";
import type { PatientStatusRow } from "@/db/queries/patient-status";

/** What one row shows, worked out on the server (the attention rule included). */
export type PatientTableRow = Pick<PatientStatusRow, "id" | "name" | "email" | "programmeId" | "programmeTitle" | "linkState"> & {
  href: string;
  thisWeek: string | null;
  pains: { pain: number | null }[];
  reasons: string[];
};

const none = <span className="none">—</span>;

/**
 * The patient list, drawn once: a table on a wide screen that becomes a card per row on a
 * phone (the .row-table rules in app/globals.css). A client component so the page carries
 * the rows as data once rather than as markup twice (HTML and the RSC payload): a page of
 * 50 stays well under 100 kB at any clinic size.
 */
export function PatientTable({ rows, archived }: { rows: PatientTableRow[]; archived: boolean }) {
  return (
    <div className="md:card md:overflow-x-auto">
      <table className="row-table" role="table">
        <caption className="sr-only">Patients</caption>
        <thead role="rowgroup">
          <tr role="row">
            {["Patient", "Programme", "Link", "This week", "Pain", "Needs attention"].map((h) => (
              <th key={h} scope="col" role="columnheader">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((p) => (
            <tr key={p.id} role="row" data-testid="patient-row">
              <td role="cell">
                <Link href={p.href} className="cover font-bold text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <span className="sub">{p.email}</span>
              </td>
              <td role="cell" data-label="Programme">
                {p.programmeTitle ?? none}
              </td>
              <td role="cell" data-label="Link">
                {archived ? none : <LinkCell row={p} />}
              </td>
              <td role="cell" data-label="This week">
                {p.thisWeek ?? none}
              </td>
              <td role="cell" data-label="Pain">
                <PainTrend recent={p.pains} />
              </td>
              <td role="cell" data-label="Needs attention">
                {archived ? none : <AttentionCell attention={p} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
