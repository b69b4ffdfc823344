/**
 * The client's address for throttling and the audit log: the connection's
 * peer, unless that peer is a trusted proxy, in which case X-Forwarded-For is
 * walked from the right (the proxy nearest us appended last), skipping
 * trusted proxies, to the first address we did not put there ourselves.
 */
export function clientAddressOf(options: { peer: string | null; forwardedFor: string | null; trustedProxies: readonly string[] }): string | null {
  const peer = normalise(options.peer);
  if (!peer || !isTrusted(peer, options.trustedProxies)) return peer;
  const hops = (options.forwardedFor ?? "").split(",").map((hop) => normalise(hop.trim())).filter((hop): hop is string => Boolean(hop));
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(hops[i], options.trustedProxies)) return hops[i];
  }
  return hops[0] ?? peer;
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an address → null. */
function normalise(address: string | null | undefined): string | null {
  if (!address) return null;
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const value = mapped ? mapped[1] : trimmed;
  if (parseV4(value) !== null) return value;
  if (/^[0-9a-f:]+$/i.test(value) && value.includes(":") && value.length <= 45) return value.toLowerCase();
  return null;
}

function isTrusted(address: string, trusted: readonly string[]): boolean {
  return trusted.some((entry) => inRange(address, entry));
}

function inRange(address: string, entry: string): boolean {
  const [base, bitsText] = entry.split("/");
  const v4 = parseV4(address);
  const baseV4 = parseV4(base);
  if (v4 !== null && baseV4 !== null) {
    const bits = bitsText === undefined ? 32 : Number(bitsText);
    if (bits === 0) return true;
    const mask = bits >= 32 ? 0xffffffff : (~((1 << (32 - bits)) - 1)) >>> 0;
    return ((v4 & mask) >>> 0) === ((baseV4 & mask) >>> 0);
  }
  const v6 = parseV6(address);
  const baseV6 = parseV6(base.toLowerCase());
  if (v6 === null || baseV6 === null) return false;
  const bits = bitsText === undefined ? 128 : Number(bitsText);
  for (let bit = 0; bit < bits; bit++) {
    const word = Math.floor(bit / 16);
    const shift = 15 - (bit % 16);
    if (((v6[word] >> shift) & 1) !== ((baseV6[word] >> shift) & 1)) return false;
  }
  return true;
}

function parseV4(value: string): number | null {
  const parts = value.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0) >>> 0;
}

function parseV6(value: string): number[] | null {
  if (!value.includes(":")) return null;
  const [head, tail, extra] = value.split("::");
  if (extra !== undefined) return null;
  const words = (text: string | undefined) => (text ? text.split(":") : []);
  const left = words(head);
  const right = tail === undefined ? [] : words(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right];
  if (all.length !== 8 || !all.every((word) => /^[0-9a-f]{1,4}$/i.test(word))) return null;
  return all.map((word) => parseInt(word, 16));
}
