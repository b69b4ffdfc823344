/**
 * The exchange JSON of a postmortem: the one document shape used by the API,
 * the CLI, import and export. Documented in docs/format.md.
 *
 * `postmortemInputSchema` validates what people and programs send (lenient:
 * most keys are optional and default to empty); `PostmortemDocument` is what
 * Hindsight hands back, with every key present.
 */
import "./zod-in-browser";
import * as z from "zod";
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  ACTION_TYPES,
  EVENT_KINDS,
  FACTOR_CATEGORIES,
  SEVERITIES,
  STATUSES,
} from "@/lib/domain/postmortem";
import { isIsoDate, isIsoDateTime, isValidTimeZone } from "@/lib/domain/instants";

export const MAX_TEXT = 200_000;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max = MAX_TEXT) => z.string().max(max, `Must be at most ${max} characters`);
const prose = text().default("");
const label = z
  .string()
  .trim()
  .min(1, "Must not be empty")
  .max(100, "Must be at most 100 characters");
const labels = z
  .array(label)
  .max(100, "At most 100 entries")
  .default([])
  .refine((values) => new Set(values).size === values.length, "Entries must be unique");

/** An http(s) link; `javascript:` and other schemes are refused at the edge. */
export const httpUrlSchema = z
  .string()
  .trim()
  .max(2000, "Must be at most 2000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Must be an http:// or https:// URL");

const optionalUrl = httpUrlSchema.nullable().default(null);

const isoDate = z
  .string()
  .refine(isIsoDate, "Must be a date written as YYYY-MM-DD")
  .nullable()
  .default(null);

const figure = (max?: number) => {
  let schema = z.number("Must be a number").finite("Must be a finite number").min(0, "Must not be negative");
  if (max !== undefined) schema = schema.max(max, `Must be at most ${max}`);
  return schema.nullable().default(null);
};

export const slugSchema = z
  .string()
  .min(1, "Must not be empty")
  .max(120, "Must be at most 120 characters")
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens (e.g. login-outage-2024)");

export const timezoneSchema = z
  .string()
  .refine(isValidTimeZone, "Must be an IANA time zone such as Europe/Berlin or UTC");

export const impactFiguresSchema = z
  .strictObject({
    usersAffected: figure(),
    errorRate: figure(100),
    durationMinutes: figure(),
    requestsFailed: figure(),
    revenueLost: figure(),
  })
  .default({
    usersAffected: null,
    errorRate: null,
    durationMinutes: null,
    requestsFailed: null,
    revenueLost: null,
  });

export const timelineEventSchema = z.strictObject({
  at: z
    .string()
    .refine(
      isIsoDateTime,
      "Must be an ISO 8601 date-time such as 2024-03-14T01:06:00+01:00, or null when the time is unknown",
    )
    .nullable()
    .default(null),
  kind: z.enum(EVENT_KINDS, `Must be one of: ${EVENT_KINDS.join(", ")}`).default("note"),
  text: text(20_000).trim().min(1, "Describe what happened"),
  link: optionalUrl,
});

export const rootCauseSchema = z
  .strictObject({
    trigger: prose,
    narrative: prose,
    whys: z.array(text(5_000).trim().min(1, "Must not be empty")).max(50).default([]),
  })
  .default({ trigger: "", narrative: "", whys: [] });

export const contributingFactorSchema = z.strictObject({
  category: z.enum(FACTOR_CATEGORIES, `Must be one of: ${FACTOR_CATEGORIES.join(", ")}`).default("other"),
  text: text().trim().min(1, "Describe the factor"),
});

export const correctiveActionSchema = z.strictObject({
  title: text(500).trim().min(1, "Give the action a title"),
  description: prose,
  type: z.enum(ACTION_TYPES, `Must be one of: ${ACTION_TYPES.join(", ")}`).nullable().default(null),
  priority: z
    .enum(ACTION_PRIORITIES, `Must be one of: ${ACTION_PRIORITIES.join(", ")}`)
    .nullable()
    .default(null),
  owner: text(200).trim().nullable().default(null),
  dueDate: isoDate,
  status: z.enum(ACTION_STATUSES, `Must be one of: ${ACTION_STATUSES.join(", ")}`).default("open"),
  url: optionalUrl,
});

export const lessonsSchema = z
  .strictObject({ wentWell: prose, wentWrong: prose, lucky: prose })
  .default({ wentWell: "", wentWrong: "", lucky: "" });

export const sectionSchema = z.strictObject({
  title: text(300).trim().min(1, "Give the section a title"),
  body: prose,
  internal: z.boolean().default(false),
});

/**
 * Where an imported postmortem came from, so that an export gives the post
 * back as it was and a re-import of the same file finds it: the file's name
 * (its path in a folder or zip), the SHA-256 of its bytes, the publication
 * date exactly as written (`2023-02-14 18:05:00 +0100`; not the incident
 * date), and the front matter keys the export does not own (YAML, verbatim).
 */
export const postmortemSourceSchema = z.strictObject({
  fileName: text(1_000).trim().min(1, "Must not be empty").nullable().default(null),
  contentHash: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, "Must be a SHA-256 written as 64 hexadecimal digits")
    .nullable()
    .default(null),
  publishedAt: text(100).trim().min(1, "Must not be empty").nullable().default(null),
  frontMatter: text(100_000).nullable().default(null),
});

/** Most members a restricted postmortem may list. */
export const MAX_MEMBERS = 200;

/** A member's email, as stored and compared: trimmed and lower-cased. */
export const memberEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "Must be at most 320 characters")
  .pipe(z.email("Must be an email address such as dana@example.com"));

/** The people who may see a restricted postmortem (besides its creator and admins): emails, lower-cased, each once. */
export const membersSchema = z
  .array(memberEmailSchema)
  .max(MAX_MEMBERS, `At most ${MAX_MEMBERS} members`)
  .transform((emails) => [...new Set(emails)]);

const documentFields = {
  title: text(300).trim().min(1, "Give the postmortem a title"),
  summary: prose,
  severity: z.enum(SEVERITIES, `Must be one of: ${SEVERITIES.join(", ")}`).nullable().default(null),
  status: z.enum(STATUSES, `Must be one of: ${STATUSES.join(", ")}`).default("draft"),
  timezone: timezoneSchema.nullable().default(null),
  incidentDate: isoDate,
  services: labels,
  tags: labels,
  authors: labels,
  impact: prose,
  impactFigures: impactFiguresSchema,
  timeline: z.array(timelineEventSchema).max(10_000, "At most 10,000 timeline events").default([]),
  rootCause: rootCauseSchema,
  contributingFactors: z.array(contributingFactorSchema).max(500).default([]),
  correctiveActions: z.array(correctiveActionSchema).max(500).default([]),
  lessons: lessonsSchema,
  sections: z.array(sectionSchema).max(500).default([]),
  // Who may see it. Left out, they are kept as they are (a new postmortem: open to everyone, no members),
  // so that a client or an old revision that knows nothing of them never opens a restricted postmortem.
  restricted: z.boolean("Must be true or false").optional(),
  members: membersSchema.optional(),
  // Where an imported postmortem came from. Left out, it is kept as it is (so a client that knows
  // nothing of it never loses a blog post's front matter); null forgets it.
  source: postmortemSourceSchema.nullable().optional(),
  // Read-only: accepted so that a fetched document can be sent back as is.
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
};

/** A postmortem as sent to create one: slug and version are optional. */
export const postmortemInputSchema = z.strictObject({
  slug: slugSchema.optional(),
  version: z.number().int().positive().optional(),
  ...documentFields,
});

/** A postmortem as sent to replace one: the version read is required to detect stale saves. */
export const postmortemUpdateSchema = z.strictObject({
  slug: slugSchema.optional(),
  version: z.number("Send the version you last read, to detect concurrent edits").int().positive(),
  ...documentFields,
});

export type PostmortemInput = z.input<typeof postmortemInputSchema>;
/**
 * A validated postmortem to write. `restricted` and `members` may be left
 * out: a save then keeps them, a create makes an open postmortem.
 */
export type PostmortemDraft = z.output<typeof postmortemInputSchema>;
export type TimelineEvent = z.output<typeof timelineEventSchema>;
export type ContributingFactor = z.output<typeof contributingFactorSchema>;
export type CorrectiveAction = z.output<typeof correctiveActionSchema>;
export type Section = z.output<typeof sectionSchema>;
export type ImpactFigures = z.output<typeof impactFiguresSchema>;
export type PostmortemSource = z.output<typeof postmortemSourceSchema>;

/**
 * A stored postmortem as Hindsight returns it: every key present (the type
 * leaves `restricted`, `members` and `source` optional only so that documents built
 * in code, such as test fixtures, need not spell them out).
 */
export type PostmortemDocument = Omit<PostmortemDraft, "slug" | "version" | "createdAt" | "updatedAt"> & {
  slug: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** One row of a postmortem list. */
export type PostmortemSummary = Pick<
  PostmortemDocument,
  "slug" | "title" | "summary" | "severity" | "status" | "services" | "tags" | "incidentDate" | "createdAt" | "updatedAt"
>;

export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  perPage: z.coerce.number().int().min(1).max(100).catch(20),
  status: z.enum(STATUSES).optional().catch(undefined),
});
export type ListQuery = z.output<typeof listQuerySchema>;

/** Field errors keyed by dotted path ("timeline.3.at"), as forms and the API report them. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (path: PropertyKey[], message: string) => {
    const key = path.length ? path.map(String).join(".") : "(document)";
    (fields[key] ??= []).push(message);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key], "Unknown field: not part of the postmortem format (docs/format.md)");
    } else {
      add(issue.path, issue.message);
    }
  }
  return fields;
}
