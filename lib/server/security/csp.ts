import "server-only";

/**
 * The Content-Security-Policy of every page (decision 014). Scripts run only
 * when they carry this response's nonce, or were loaded by one that did
 * ('strict-dynamic'): Next.js puts the nonce on its own scripts when it finds
 * it in the request's CSP header. Styles allow 'unsafe-inline' because React
 * renders `style` attributes (chart bar widths) and Next inlines critical CSS;
 * a nonce cannot cover attributes, and styles cannot run code.
 */
export function pageContentSecurityPolicy({ nonce, isDev = false }: { nonce: string; isDev?: boolean }): string {
  return [
    "default-src 'self'",
    // React needs eval in development only, for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Postmortems embed dashboard screenshots from other hosts; images cannot run code.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers are data, never documents: nothing in them may load or run, nor be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
