import type { PostmortemDocument } from "@/lib/schemas/postmortem";

export type Update = (change: (current: PostmortemDocument) => PostmortemDocument) => void;

export type StepProps = {
  doc: PostmortemDocument;
  update: Update;
  /** Validation errors of the whole document, keyed by path ("impactFigures.errorRate"). */
  errors: Record<string, string[]>;
};

/** The errors for one field path. */
export function errorsAt(errors: Record<string, string[]>, path: string): string[] | undefined {
  return errors[path];
}

/** A copy of `items` with the item at `from` moved to `to`. */
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
