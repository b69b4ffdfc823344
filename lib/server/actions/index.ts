import "server-only";
/** The corrective-action tracker's data access: actions across postmortems, their owners, status changes. */
export { listActions, type TrackerPage } from "./list-actions";
export { listActionOwners, MAX_OWNERS } from "./list-action-owners";
export { changeActionStatus } from "./change-action-status";
