/** `hindsight token …`: personal access tokens for bots and scripts, for the operator (decision 021). */
import { AppError } from "@/lib/domain/errors";
// Types only: the functions are loaded when a token command runs, from their own module (lib/server/auth's index
// also exports the pages' helpers, which need Next).
import type { TokenSummary } from "@/lib/server/auth/tokens/tokens";
import { formatTable } from "./output";
import { UsageError } from "./usage-error";

export type TokenFlags = { name?: string; "read-only"?: boolean; expires?: string; all?: boolean; json?: boolean };

type Run = { values: TokenFlags; positionals: string[]; out: NodeJS.WritableStream };

export const TOKEN_SUBCOMMANDS = ["create", "list", "revoke"];

/** A token as `token list` shows it. */
export type TokenStatus = "active" | "revoked" | "expired";

/** The shortest start of an id that `token revoke` accepts (the list shows 8 characters). */
const MIN_ID_PREFIX = 4;
const SHORT_ID = 8;

/** `token SUBCOMMAND …`. */
export async function runToken({ values, positionals, out }: Run): Promise<number> {
  const [subcommand, ...args] = positionals;
  const { listTokens, revokeToken } = await import("@/lib/server/auth/tokens/tokens");
  switch (subcommand) {
    case "create":
      return create(values, args, out);
    case "list": {
      if (args.length > 1) throw new UsageError("token list takes at most one EMAIL (or --all)");
      if (args.length === 1 && values.all) throw new UsageError("token list takes either EMAIL or --all, not both");
      const tokens = await listTokens(args.length === 1 ? { email: args[0] } : { all: true });
      const now = Date.now();
      out.write(
        values.json
          ? `${JSON.stringify(tokens.map((token) => ({ ...token, status: statusOf(token, now) })), null, 2)}\n`
          : formatTokens(tokens, now, args[0]),
      );
      return 0;
    }
    case "revoke": {
      if (args.length !== 1) throw new UsageError("token revoke needs one ID (as token list shows it, or the token's hsp_… prefix)");
      const token = await findToken(args[0]);
      const revoked = await revokeToken({ id: token.id });
      out.write(
        token.revokedAt
          ? `Nothing to do: ${describe(revoked)} was already revoked on ${day(token.revokedAt)}.\n`
          : `Revoked ${describe(revoked)}: it stops working at once.\n`,
      );
      return 0;
    }
    case undefined:
      throw new UsageError(`token needs a subcommand: ${TOKEN_SUBCOMMANDS.join(", ")}`);
    default:
      throw new UsageError(`unknown token subcommand "${subcommand}" (try ${TOKEN_SUBCOMMANDS.join(", ")})`);
  }
}

/** `token create EMAIL --name NAME [--read-only] [--expires DAYS]`: a description, then the token alone on the last line (for `| tail -1`). */
async function create(values: TokenFlags, args: string[], out: NodeJS.WritableStream): Promise<number> {
  if (args.length !== 1) throw new UsageError('token create needs one EMAIL argument: whose token it is, as in: token create bot@example.com --name "Incident bot"');
  if (!values.name?.trim()) throw new UsageError('token create needs --name NAME (what uses it, as in --name "Incident bot")');
  let expiresInDays: number | undefined;
  if (values.expires !== undefined) {
    if (!/^\d+$/.test(values.expires.trim())) throw new UsageError(`--expires takes a whole number of days, such as 90 (not "${values.expires}")`);
    expiresInDays = Number(values.expires.trim());
  }
  const { createToken } = await import("@/lib/server/auth/tokens/tokens");
  const { token, summary } = await createToken({ email: args[0], name: values.name, readOnly: values["read-only"] ?? false, expiresInDays });
  const access = summary.readOnly ? "read-only (acts as a viewer)" : "acts with its owner's role";
  const expiry = summary.expiresAt ? `expires ${day(summary.expiresAt)}` : "never expires";
  out.write(`Created ${describe(summary)}: ${access}, ${expiry}.\n`);
  out.write("Copy it now: it is shown only this once (send it as Authorization: Bearer TOKEN).\n");
  out.write(`${token}\n`);
  return 0;
}

/**
 * The token `ref` names: its id, a start of its id at least 4 characters long
 * (as the list shows it), or its hsp_… prefix. Ambiguous starts are refused.
 */
async function findToken(ref: string): Promise<TokenSummary> {
  const { listTokens } = await import("@/lib/server/auth/tokens/tokens");
  const wanted = ref.trim().replace(/…$/, "");
  const tokens = await listTokens({ all: true });
  const exact = tokens.find((token) => token.id === wanted);
  if (exact) return exact;
  const matches = tokens.filter(
    (token) => token.prefix === wanted || (wanted.length >= MIN_ID_PREFIX && token.id.startsWith(wanted.toLowerCase())),
  );
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new AppError("NOT_FOUND", `No token has the id ${ref}. See them with: npx hindsight token list`);
  throw new AppError("CONFLICT", `${ref} matches ${matches.length} tokens: give more of the id (npx hindsight token list --json shows whole ids).`);
}

export function statusOf(token: TokenSummary, now: number): TokenStatus {
  if (token.revokedAt) return "revoked";
  return token.expiresAt && Date.parse(token.expiresAt) <= now ? "expired" : "active";
}

function formatTokens(tokens: TokenSummary[], now: number, email: string | undefined): string {
  if (tokens.length === 0) {
    return email ? `${email} has no tokens.\n` : "No tokens yet. Create one with: npx hindsight token create EMAIL --name NAME\n";
  }
  const rows = tokens.map((token) => [
    token.id.slice(0, SHORT_ID),
    `${token.prefix}…`,
    token.name,
    token.owner.email,
    token.readOnly ? "read-only" : "read-write",
    statusOf(token, now),
    day(token.createdAt),
    token.lastUsedAt ? day(token.lastUsedAt) : "never",
    token.expiresAt ? day(token.expiresAt) : "never",
  ]);
  const header = ["ID", "TOKEN", "NAME", "OWNER", "ACCESS", "STATUS", "CREATED", "LAST USED", "EXPIRES"];
  return `${formatTable(header, rows)}\n${tokens.length} token${tokens.length === 1 ? "" : "s"}\n`;
}

const describe = (token: TokenSummary) => `token "${token.name}" (${token.prefix}…, id ${token.id.slice(0, SHORT_ID)}) of ${token.owner.name} <${token.owner.email}>`;
const day = (iso: string) => iso.slice(0, 10);
