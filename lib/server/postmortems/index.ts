import "server-only";
/** The data-access layer for postmortems: the functions routes, the CLI and tests call. */
export { createPostmortem } from "./create-postmortem";
export { savePostmortem } from "./save-postmortem";
export { archivePostmortem } from "./archive-postmortem";
export { findPostmortem, findPostmortemForPage, getPostmortem } from "./get-postmortem";
export { findPostmortemBySourceFile, findPostmortemByContentHash } from "./find-by-source";
export { listPostmortems, type PostmortemPage } from "./list-postmortems";
export { listRevisions, getRevision, type RevisionSummary } from "./list-revisions";
export { restoreRevision } from "./restore-revision";
export { changeStatus } from "./change-status";
export { loadSamplePostmortems } from "./load-samples";
export { readPublishedPostmortems } from "./read-published-postmortems";
