"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function PortalNav({ owner, mailbox = false }: { owner: boolean; mailbox?: boolean }) {
  const pathname = usePathname();
  const items = [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/patients", label: "Patients" },
    { href: "/catalogue", label: "Catalogue" },
    { href: "/templates", label: "Templates" },
    ...(owner ? [{ href: "/settings", label: "Clinic" }] : []),
    ...(mailbox ? [{ href: "/mailbox", label: "Mailbox" }] : []),
  ];
  return (
    <nav aria-label="Main" className="order-last -mx-1 flex w-full gap-1 overflow-x-auto md:order-none md:w-auto">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-lg px-3 py-2 text-sm font-bold ${active ? "bg-brand-50 text-brand-800" : "text-muted hover:bg-canvas hover:text-ink"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
