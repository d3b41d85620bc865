/** A settings block: what it is on the left (on wide screens), the controls on the right. */
export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="grid gap-4 border-t border-line py-8 first:border-t-0 first:pt-0 lg:grid-cols-[18rem_1fr] lg:gap-10"
    >
      <div>
        <h2 id={id} className="text-lg font-bold">
          {title}
        </h2>
        {description ? <div className="mt-1 text-sm text-muted">{description}</div> : null}
      </div>
      <div className="min-w-0 space-y-4">{children}</div>
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

export function Avatar({ name, muted = false }: { name: string; muted?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`flex size-10 shrink-0 items-center justify-center rounded-full text-sm font-bold ${muted ? "bg-canvas text-muted" : "bg-brand-100 text-brand-800"}`}
    >
      {initials(name)}
    </span>
  );
}
