import "server-only";
/** People and access (decision 021): who is asking, what they may do, and the data access for people, tokens and the audit log. */
export { currentActor, runAs, OPERATOR, ANONYMOUS, actorName, type Actor } from "./actor";
export { requireRole, checkRole, seesEverything, type KnownActor } from "./require-access";
export { canSee, hiddenPostmortemIds } from "./visibility";
export { recordAudit, listAudit, AUDIT_KINDS, type AuditKind, type AuditEntry } from "./audit";
export { hasAnyPerson, addPerson, createFirstAdmin, createInvite, findInvite, acceptInvite, listPeople, listPeopleNames, setRole, setDisabled, updateOwnName, changeOwnPassword, type Person } from "./people/people";
export { createToken, listTokens, revokeToken, type TokenSummary } from "./tokens/tokens";
export { ssoSettings } from "./sso";
export { requirePageActor, mayDo, safeNextPath } from "./page-access";
