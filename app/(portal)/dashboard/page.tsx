import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireClinician } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const session = await requireClinician();
  const { welcome } = await searchParams;
  return (
    <>
      <PageHeader
        title={`Hello, ${session.name.split(" ")[0]}`}
        description="Build a programme, send it, and see how your patients are getting on."
        actions={
          <Link href="/catalogue" className="btn-primary">
            Browse the catalogue
          </Link>
        }
      />
      {welcome ? (
        <p className="mb-6 rounded-lg bg-ok-soft px-4 py-3 font-bold text-ok" role="status">
          Your clinic is ready. Add your clinic&apos;s address and phone under Clinic so they appear on handouts.
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Link href="/patients" className="card p-5 hover:border-brand-200">
          <h2 className="font-bold">Patients</h2>
          <p className="mt-1 text-sm text-muted">Find a patient, see their programme and how their sessions went.</p>
        </Link>
        <Link href="/catalogue" className="card p-5 hover:border-brand-200">
          <h2 className="font-bold">Exercise catalogue</h2>
          <p className="mt-1 text-sm text-muted">Search lower-back exercises by name, position or equipment.</p>
        </Link>
        <Link href="/templates" className="card p-5 hover:border-brand-200">
          <h2 className="font-bold">Templates</h2>
          <p className="mt-1 text-sm text-muted">Start a programme from a tried set of exercises.</p>
        </Link>
      </div>
    </>
  );
}
