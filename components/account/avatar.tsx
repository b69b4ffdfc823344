import { initialsOf } from "@/lib/domain/access/roles";

const SIZES = { sm: "size-7 text-[0.7rem]", md: "size-8 text-xs" } as const;

/** A person's initials in a circle. Decorative: the name is always written beside it. */
export function Avatar({ name, size = "md" }: { name: string; size?: keyof typeof SIZES }) {
  return (
    <span
      aria-hidden
      className={`inline-flex shrink-0 items-center justify-center rounded-full bg-accent-100 font-semibold tracking-wide text-accent-700 select-none dark:bg-accent-500/20 dark:text-accent-100 ${SIZES[size]}`}
    >
      {initialsOf(name)}
    </span>
  );
}
