import Link from "next/link";

/** The pages of one area (Settings, Admin) as links, the current one marked for assistive technology too. */
export function SectionTabs({ label, current, tabs }: { label: string; current: string; tabs: { href: string; label: string }[] }) {
  return (
    <nav aria-label={label} className="mt-6 border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-5 text-sm">
        {tabs.map((tab) => {
          const isCurrent = tab.href === current;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-block border-b-2 pb-2 ${
                  isCurrent
                    ? "border-accent-600 font-medium text-zinc-900 dark:border-accent-400 dark:text-zinc-100"
                    : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export const ADMIN_TABS = [
  { href: "/admin/people", label: "People" },
  { href: "/admin/audit", label: "Audit log" },
];

export const SETTINGS_TABS = [
  { href: "/settings", label: "Profile and password" },
  { href: "/settings/tokens", label: "Tokens" },
];
