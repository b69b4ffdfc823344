/** How often a session's idle expiry is pushed forward while it is used (each push is a write, and empties the answer cache). */
export function sessionUpdateAgeSeconds(idleSeconds: number): number {
  return Math.min(3600, Math.max(60, Math.floor(idleSeconds / 4)));
}
