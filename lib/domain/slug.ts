/** Turns a title into a URL slug: lowercase ASCII words joined by hyphens. */
export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!slug) return "postmortem";
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary when one is near the limit, so slugs stay readable.
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/** `base` with a numeric suffix (`base-2`, `base-3`…) for the n-th attempt; attempt 1 is `base`. */
export function slugCandidate(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`;
}
