/** `hindsight user …`: people and their roles, for the operator (decision 021). */
import { isRole, ROLES, type Role } from "@/lib/domain/access/roles";
import { AppError } from "@/lib/domain/errors";
// Types only: the functions are loaded when a user command runs (the password rules' word list is large), and from
// their own module, not lib/server/auth's index, which also exports the pages' helpers (next/navigation).
import type { Person } from "@/lib/server/auth/people/people";
import { getConfig } from "@/lib/server/config";
import { formatTable } from "./output";
import { UsageError } from "./usage-error";

export type UserFlags = { name?: string; role?: string; "password-stdin"?: boolean; json?: boolean };

type Run = { values: UserFlags; positionals: string[]; out: NodeJS.WritableStream };

export const USER_SUBCOMMANDS = ["add", "list", "set-role", "disable", "enable", "invite"];

/** A person as `user list` shows them: active, disabled, or invited (no way to sign in yet). */
export type PersonStatus = "active" | "disabled" | "invited";

/** `user SUBCOMMAND …`. */
export async function runUser({ values, positionals, out }: Run): Promise<number> {
  const [subcommand, ...args] = positionals;
  const { createInvite, listPeople, setDisabled, setRole } = await import("@/lib/server/auth/people/people");
  switch (subcommand) {
    case "add":
      return addUser(values, args, out);
    case "list": {
      if (args.length) throw new UsageError("user list takes no arguments");
      const people = await listPeople();
      out.write(values.json ? `${JSON.stringify(people.map((person) => ({ ...person, status: statusOf(person) })), null, 2)}\n` : formatPeople(people));
      return 0;
    }
    case "set-role": {
      if (args.length !== 2) throw new UsageError("user set-role needs EMAIL and ROLE, as in: user set-role dana@example.com editor");
      const person = await setRole({ email: args[0], role: roleOf(args[1], "ROLE") });
      out.write(`${describe(person)} is now ${article(person.role)} ${person.role}.\n`);
      return 0;
    }
    case "disable":
    case "enable": {
      if (args.length !== 1) throw new UsageError(`user ${subcommand} needs one EMAIL argument`);
      const person = await setDisabled({ email: args[0], disabled: subcommand === "disable" });
      out.write(
        subcommand === "disable"
          ? `Disabled ${describe(person)}: they cannot sign in, and their sessions and tokens stopped working. Their name stays on what they wrote.\n`
          : `Enabled ${describe(person)}: they can sign in again${person.signIn === "invited" ? " once they have set a password (npx hindsight user invite EMAIL makes a new link)" : ""}.\n`,
      );
      return 0;
    }
    case "invite": {
      if (args.length !== 1) throw new UsageError("user invite needs one EMAIL argument");
      const { person, inviteToken } = await createInvite({ email: args[0] });
      out.write(`New invite link for ${describe(person)} (earlier links stop working; a password they have stays until they use this one).\n`);
      out.write(await inviteText(inviteToken));
      return 0;
    }
    case undefined:
      throw new UsageError(`user needs a subcommand: ${USER_SUBCOMMANDS.join(", ")}`);
    default:
      throw new UsageError(`unknown user subcommand "${subcommand}" (try ${USER_SUBCOMMANDS.join(", ")})`);
  }
}

/** `user add EMAIL --name NAME --role ROLE [--password-stdin]`: nothing is created unless every part is sound. */
async function addUser(values: UserFlags, args: string[], out: NodeJS.WritableStream): Promise<number> {
  if (args.length !== 1) throw new UsageError("user add needs one EMAIL argument, as in: user add dana@example.com --name \"Dana Whitfield\" --role editor");
  if (!values.name?.trim()) throw new UsageError('user add needs --name NAME (the person\'s name, as in --name "Dana Whitfield")');
  if (values.role === undefined) throw new UsageError(`user add needs --role ${ROLES.join("|")}`);
  const role = roleOf(values.role, "--role");
  const password = values["password-stdin"] ? await readPasswordFromStdin() : undefined;
  const { addPerson } = await import("@/lib/server/auth/people/people");
  const { person, inviteToken } = await addPerson({ email: args[0], name: values.name, role, password });
  if (!inviteToken) {
    out.write(`Added ${describe(person)} as ${article(role)} ${role}: they can sign in now with their email and password.\n`);
    return 0;
  }
  out.write(`Added ${describe(person)} as ${article(role)} ${role}, invited: they have no password yet.\n`);
  out.write(await inviteText(inviteToken));
  return 0;
}

/** The invite link, alone on the last line (absolute when HINDSIGHT_PUBLIC_URL says where the server is). */
async function inviteText(token: string): Promise<string> {
  const { INVITE_LIFETIME_MS } = await import("@/lib/server/auth/people/people");
  const days = Math.round(INVITE_LIFETIME_MS / 86_400_000);
  const path = `/invite/${token}`;
  const base = getConfig().HINDSIGHT_PUBLIC_URL;
  if (base) return `They set their password with this link (hand it over privately; it works once, for ${days} days):\n${new URL(path, base).href}\n`;
  return (
    `They set their password with this link, opened at the server's address (such as http://localhost:3000/invite/…;` +
    ` set HINDSIGHT_PUBLIC_URL to have it printed whole). Hand it over privately; it works once, for ${days} days:\n${path}\n`
  );
}

function roleOf(value: string, flag: string): Role {
  if (isRole(value)) return value;
  throw new UsageError(`${flag} must be one of ${ROLES.join(", ")} (not "${value}")`);
}

/**
 * The password on standard input, without the one newline `echo` or
 * `printf '%s\n'` adds (anything else, spaces included, is part of it).
 */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError(`--password-stdin reads the password from a pipe or a file, as in: printf '%s\\n' "$PASSWORD" | npx hindsight user add …`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
    if (size > 64 * 1024) throw new AppError("INVALID", "Standard input is too long to be a password.");
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const password = text.endsWith("\r\n") ? text.slice(0, -2) : text.endsWith("\n") ? text.slice(0, -1) : text;
  if (password === "") throw new AppError("INVALID", "Standard input was empty: --password-stdin needs the password there.");
  return password;
}

export function statusOf(person: Person): PersonStatus {
  if (person.disabled) return "disabled";
  return person.signIn === "invited" ? "invited" : "active";
}

function formatPeople(people: Person[]): string {
  if (people.length === 0) return "Nobody has an account yet. Add the first admin with: npx hindsight user add EMAIL --name NAME --role admin --password-stdin\n";
  const rows = people.map((person) => [person.name, person.email, person.role, statusOf(person), person.signIn === "invited" ? "—" : person.signIn]);
  const count = `${people.length} ${people.length === 1 ? "person" : "people"}`;
  return `${formatTable(["NAME", "EMAIL", "ROLE", "STATUS", "SIGN-IN"], rows)}\n${count}\n`;
}

const describe = (person: Person) => `${person.name} <${person.email}>`;
const article = (role: Role) => (role === "viewer" ? "a" : "an");
