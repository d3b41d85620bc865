import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { PortalNav } from "@/components/portal/portal-nav";
import { requireClinician } from "@/lib/auth/dal";
import { devMailboxEnabled } from "@/lib/env";
import { signOutAction } from "../(auth)/actions";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const session = await requireClinician();
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/dashboard" aria-label="Homeplan dashboard" className="rounded-lg">
            <Logo />
          </Link>
          <PortalNav owner={session.role === "owner"} mailbox={devMailboxEnabled()} />
          <div className="ml-auto flex items-center gap-3">
            <Link href="/account" className="rounded-lg px-2 py-2 text-sm text-muted hover:text-ink" data-testid="signed-in-as">
              <span className="sm:hidden">Account</span>
              <span className="hidden sm:inline">{session.name}</span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="btn-ghost min-h-10 px-3 text-sm">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
