import "server-only";
/** Search over the incident library: the functions routes, the CLI and tests call. */
export { searchPostmortems } from "./search-postmortems";
export { compileQuery } from "./compile-query";
export { findRelatedPostmortems } from "./related-postmortems";
export { reindexPostmortem } from "./reindex-postmortem";
export { rebuildSearchIndex } from "./rebuild-search-index";
export { runningSearchThreads, searchReaderFor, stopSearchThreads } from "./search-runner";
