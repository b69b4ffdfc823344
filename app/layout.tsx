import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { UserMenu } from "@/components/account/user-menu";
import { ROLE_LABELS, roleAtLeast, type Role } from "@/lib/domain/access/roles";
import { currentActor } from "@/lib/server/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hindsight", template: "%s · Hindsight" },
  description: "Blameless incident postmortems: write them together, search them later, publish them as posts.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that Next.js can put this response's
  // CSP nonce (set by proxy.ts) on its scripts; a prerendered page has none.
  await connection();
  const viewer = await signedInViewer();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-1.5 focus:text-sm dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        <header className="border-b border-zinc-200/80 dark:border-zinc-800">
          <div className="mx-auto flex h-14 max-w-5xl items-center justify-between px-4 sm:px-6">
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <LogoMark />
              {/* On the narrowest phones the mark alone leaves room for every nav link. */}
              <span className="max-[430px]:sr-only">Hindsight</span>
            </Link>
            {viewer && (
              <div className="flex items-center gap-3 sm:gap-5">
                <nav aria-label="Main" className="flex items-center gap-3 text-sm text-zinc-600 sm:gap-5 dark:text-zinc-400">
                  <Link href="/" className="hover:text-zinc-900 dark:hover:text-zinc-100">
                    Library
                  </Link>
                  <Link href="/insights" className="hover:text-zinc-900 dark:hover:text-zinc-100">
                    Insights
                  </Link>
                  <Link href="/actions" className="hover:text-zinc-900 dark:hover:text-zinc-100">
                    Actions
                  </Link>
                  {viewer.mayEdit && (
                    <>
                      <Link href="/import" className="hover:text-zinc-900 max-[430px]:hidden dark:hover:text-zinc-100">
                        Import
                      </Link>
                      <Link
                        href="/postmortems/new"
                        aria-label="New postmortem"
                        className="rounded-md bg-accent-600 px-3 py-1.5 font-medium whitespace-nowrap text-white hover:bg-accent-700"
                      >
                        <span aria-hidden className="sm:hidden">
                          + New
                        </span>
                        <span aria-hidden className="hidden sm:inline">
                          New postmortem
                        </span>
                      </Link>
                    </>
                  )}
                </nav>
                <UserMenu name={viewer.name} email={viewer.email} roleLabel={ROLE_LABELS[viewer.role]} isAdmin={viewer.role === "admin"} mayImport={viewer.mayEdit} />
              </div>
            )}
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 pb-24 pt-8 sm:px-6 sm:pt-12">
          {children}
        </main>
      </body>
    </html>
  );
}

/**
 * The person the header shows a menu for. The layout never redirects (the
 * sign-in, setup and invite pages use it too), and a database that cannot
 * answer here leaves the header bare rather than replacing the page's own error.
 */
async function signedInViewer(): Promise<{ name: string; email: string; role: Role; mayEdit: boolean } | null> {
  try {
    const actor = await currentActor();
    if (actor.kind !== "user") return null;
    return { name: actor.name, email: actor.email, role: actor.role, mayEdit: roleAtLeast(actor.role, "editor") };
  } catch {
    return null;
  }
}

function LogoMark() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-5 text-accent-600 dark:text-accent-400">
      <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10 5v5l3.5 2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <path d="M3.2 6.5 1.5 5.2M3.2 6.5l.3-2.2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
