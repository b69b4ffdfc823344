/**
 * Tells apart the address changes our own history writes cause from those
 * that come from outside (a link to another search).
 *
 * Next echoes each history.replaceState and pushState back through its router
 * (useSearchParams), a render or more late, and on a busy page it replays an
 * older write after a newer one: following those echoes put text one pause
 * old back into the search box while the user typed on. The router works
 * through the writes in order, so once the latest one has echoed back no
 * older one can follow, and every write before it is forgotten.
 */
export class AddressEchoes {
  private pending: string[] = [];

  /** `rendered`: the query string the router shows now. */
  constructor(private rendered: string) {}

  /** Call as we write `query` to the address bar. */
  wrote(query: string): void {
    // Writing what the router already shows brings no echo to wait for.
    if (this.pending.length === 0 && query === this.rendered) return;
    this.pending.push(query);
  }

  /** Call when the router renders `query`: true when it is an echo of our own, not to be followed. */
  isEcho(query: string): boolean {
    this.rendered = query;
    const at = this.pending.lastIndexOf(query);
    if (at < 0) return false;
    if (at === this.pending.length - 1) this.pending = [];
    return true;
  }
}
