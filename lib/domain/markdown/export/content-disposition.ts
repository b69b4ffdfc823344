/**
 * The Content-Disposition of a downloaded export. An imported post keeps its
 * own file name, which may hold any character: the plain `filename` gets an
 * ASCII stand-in (a header holds nothing else), `filename*` the name itself
 * (RFC 6266), which browsers prefer.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii === fileName ? `attachment; filename="${fileName}"` : `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
