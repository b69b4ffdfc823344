import "server-only";
/** Search over the incident library: the functions routes, the CLI and tests call. */
export { searchPostmortems, compileQuery } from "./search-postmortems";
export { findRelatedPostmortems } from "./related-postmortems";
export { reindexPostmortem } from "./reindex-postmortem";
export { rebuildSearchIndex } from "./rebuild-search-index";
