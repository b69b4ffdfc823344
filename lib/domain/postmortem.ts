/** Vocabulary of the postmortem domain: the closed lists every layer shares. */

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ["draft", "in_review", "published", "archived"] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  archived: "Archived",
};

export const EVENT_KINDS = [
  "trigger",
  "impact_start",
  "detected",
  "alert",
  "escalation",
  "action",
  "mitigated",
  "resolved",
  "communication",
  "note",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  trigger: "Trigger",
  impact_start: "Impact start",
  detected: "Detected",
  alert: "Alert",
  escalation: "Escalation",
  action: "Action",
  mitigated: "Mitigated",
  resolved: "Resolved",
  communication: "Communication",
  note: "Note",
};

export const FACTOR_CATEGORIES = [
  "technical",
  "process",
  "environment_drift",
  "monitoring",
  "testing",
  "organizational",
  "human_factors",
  "external_dependency",
  "other",
] as const;
export type FactorCategory = (typeof FACTOR_CATEGORIES)[number];

export const FACTOR_CATEGORY_LABELS: Record<FactorCategory, string> = {
  technical: "Technical",
  process: "Process",
  environment_drift: "Configuration / environment drift",
  monitoring: "Monitoring / observability",
  testing: "Testing",
  organizational: "Organizational",
  human_factors: "Human factors / tooling",
  external_dependency: "External dependency",
  other: "Other",
};

export const ACTION_TYPES = ["prevent", "detect", "mitigate", "process"] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const ACTION_TYPE_LABELS: Record<ActionType, string> = {
  prevent: "Prevent",
  detect: "Detect",
  mitigate: "Mitigate",
  process: "Process",
};

export const ACTION_PRIORITIES = ["high", "medium", "low"] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];

export const ACTION_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};

export const IMPACT_FIGURE_KEYS = [
  "usersAffected",
  "errorRate",
  "durationMinutes",
  "requestsFailed",
  "revenueLost",
] as const;
export type ImpactFigureKey = (typeof IMPACT_FIGURE_KEYS)[number];

export const IMPACT_FIGURE_LABELS: Record<ImpactFigureKey, string> = {
  usersAffected: "Users affected",
  errorRate: "Error rate",
  durationMinutes: "Duration",
  requestsFailed: "Requests failed",
  revenueLost: "Revenue lost",
};
