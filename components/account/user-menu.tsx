"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Avatar } from "./avatar";
import { SignOutButton } from "./sign-out-button";

type Props = {
  name: string;
  email: string;
  roleLabel: string;
  isAdmin: boolean;
  /** Import is in the header's main links, except on the narrowest phones, where it moves here. */
  mayImport: boolean;
};

const itemClass = "block w-full px-3 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

/**
 * The signed-in person's menu at the right of the header: a disclosure
 * button (initials and name) opening links and Sign out. Esc or a click
 * elsewhere closes it; so does following one of its links.
 */
export function UserMenu({ name, email, roleLabel, isAdmin, mayImport }: Props) {
  const [isOpen, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const pathname = usePathname();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  // Following a link closes the menu: it belongs to the page it was opened on.
  const isShown = isOpen && openedAt === pathname;

  useEffect(() => {
    if (!isShown) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [isShown]);

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isShown}
        aria-controls={menuId}
        onClick={() => {
          setOpen(!isShown);
          setOpenedAt(pathname);
        }}
        className="flex items-center gap-2 rounded-full py-0.5 pr-0.5 pl-0.5 text-sm text-zinc-700 hover:text-zinc-900 md:pr-2 dark:text-zinc-300 dark:hover:text-zinc-100"
      >
        <Avatar name={name} size="sm" />
        <span className="max-w-32 truncate max-md:sr-only">{name}</span>
        <span className="sr-only">: account menu</span>
      </button>
      <div
        id={menuId}
        hidden={!isShown}
        className="absolute right-0 z-20 mt-2 w-60 overflow-hidden rounded-lg border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <div className="border-b border-zinc-200 px-3 pt-1.5 pb-2 dark:border-zinc-800">
          <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{name}</p>
          <p className="truncate text-xs text-zinc-500">{email}</p>
          <p className="mt-0.5 text-xs text-zinc-500">{roleLabel}</p>
        </div>
        <nav aria-label="Account" className="py-1">
          {mayImport && (
            <Link href="/import" className={`${itemClass} min-[431px]:hidden`}>
              Import
            </Link>
          )}
          <Link href="/settings" className={itemClass}>
            Settings
          </Link>
          <Link href="/settings/tokens" className={itemClass}>
            Tokens
          </Link>
          {isAdmin && (
            <>
              <Link href="/admin/people" className={itemClass}>
                People
              </Link>
              <Link href="/admin/audit" className={itemClass}>
                Audit log
              </Link>
            </>
          )}
        </nav>
        <div className="border-t border-zinc-200 pt-1 dark:border-zinc-800">
          <SignOutButton className={`${itemClass} disabled:opacity-50`} />
        </div>
      </div>
    </div>
  );
}
