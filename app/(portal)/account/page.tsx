import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireClinician } from "@/lib/auth/dal";
import { SettingsSection } from "../_components/settings-section";
import { StatusBadge } from "../_components/status-badge";
import { NameForm, PasswordForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireClinician();
  const params = await searchParams;
  return (
    <>
      <PageHeader
        title="Your account"
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {session.email}
            <StatusBadge tone={session.role === "owner" ? "brand" : "neutral"}>
              {session.role === "owner" ? "Owner" : "Clinician"}
            </StatusBadge>
          </span>
        }
      />
      {params["password-changed"] ? (
        <p className="mb-6 max-w-5xl rounded-lg bg-ok-soft px-4 py-3 font-bold text-ok" role="status">
          Your password is changed. You are still signed in here; other devices have been signed out.
        </p>
      ) : null}
      <div className="max-w-5xl">
        <SettingsSection id="profile" title="Profile" description="Your name as your patients and colleagues see it.">
          <NameForm name={session.name} email={session.email} />
        </SettingsSection>
        <SettingsSection
          id="password"
          title="Password"
          description="Changing it signs you out everywhere else, for example on a shared computer at the clinic."
        >
          <PasswordForm email={session.email} />
        </SettingsSection>
      </div>
    </>
  );
}
