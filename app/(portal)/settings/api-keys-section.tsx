import { getDb } from "@/db/client";
import { listApiKeys } from "@/db/queries/api-keys";
import { RowAction } from "../_components/row-action";
import { formatDate } from "@/lib/dates";
import { SettingsSection } from "../_components/settings-section";
import { StatusBadge } from "../_components/status-badge";
import { revokeApiKeyAction } from "./api-key-actions";
import { ApiKeyForm } from "./api-key-form";

/** The owner's keys to the FHIR API. The page itself checks that the viewer is an owner. */
export async function ApiKeysSection({ clinicId }: { clinicId: string }) {
  const keys = await listApiKeys(await getDb(), { clinicId });
  return (
    <SettingsSection
      id="api-keys"
      title="FHIR API keys"
      description={
        <>
          Let other health software (an EHR) read this clinic&apos;s records in the FHIR R4 standard, at <code>/api/fhir/R4</code>. A key is
          shown once when it is made; revoke it and it stops working at once.
        </>
      }
    >
      {keys.length > 0 ? (
        <ul className="card divide-y divide-line" aria-label="API keys">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center gap-x-4 gap-y-3 p-4" data-testid="api-key">
              <div className="min-w-0 flex-1 basis-60">
                <p className={`truncate font-bold ${k.revokedAt ? "text-muted" : ""}`}>{k.name}</p>
                <p className="truncate text-sm text-muted">
                  <span className="font-mono">{k.prefix}…</span> · made {formatDate(k.createdAt)}
                  {k.createdByName ? ` by ${k.createdByName}` : ""}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-2 sm:ml-auto sm:justify-end">
                {k.revokedAt ? (
                  <StatusBadge tone="danger">Revoked {formatDate(k.revokedAt)}</StatusBadge>
                ) : (
                  <>
                    <StatusBadge tone="ok">Active</StatusBadge>
                    <RowAction
                      action={revokeApiKeyAction}
                      id={k.id}
                      label="Revoke"
                      pendingLabel="Revoking…"
                      className="btn-danger"
                      confirm={{ question: `Revoke “${k.name}”?`, yes: "Yes, revoke" }}
                    />
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <ApiKeyForm />
    </SettingsSection>
  );
}
