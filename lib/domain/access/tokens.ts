/** API tokens as text: how they look, and how one is read from a header (decision 021). */

/** Every token starts with this, so that secret scanners and people recognise it. */
export const TOKEN_PREFIX = "hsp_";
const TOKEN_SHAPE = /^hsp_[A-Za-z0-9_-]{32,64}$/;

/** Whether `value` has the shape of one of our tokens. */
export function isTokenShaped(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/**
 * The token an Authorization header carries: undefined when the header is
 * absent or not Bearer (no token offered), null when it is Bearer but
 * malformed (a token offered, and refused).
 */
export function bearerTokenOf(header: string | null): string | null | undefined {
  if (!header) return undefined;
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return /^\s*bearer\b/i.test(header) ? null : undefined;
  return isTokenShaped(match[1]) ? match[1] : null;
}
