import Link from "next/link";
import { Logo } from "@/components/ui/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center bg-canvas px-4 py-10 sm:py-16">
      <Link href="/" className="mb-8 rounded-lg" aria-label="Homeplan home">
        <Logo />
      </Link>
      <main id="main" className="card w-full max-w-md p-6 sm:p-8">
        {children}
      </main>
    </div>
  );
}
