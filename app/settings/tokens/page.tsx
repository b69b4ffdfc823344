import type { Metadata } from "next";
import { SectionTabs, SETTINGS_TABS } from "@/components/account/section-tabs";
import { formatDate, formatInstant } from "@/lib/domain/time";
import { listTokens, requirePageActor, type TokenSummary } from "@/lib/server/auth";
import { CreateTokenForm } from "./_components/create-token-form";
import { RevokeTokenButton } from "./_components/revoke-token-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tokens" };

type Status = "Active" | "Expired" | "Revoked";

/** Each token with its status now. */
function withStatus(tokens: TokenSummary[]): (TokenSummary & { status: Status })[] {
  const now = Date.now();
  return tokens.map((token) => ({
    ...token,
    status: token.revokedAt ? "Revoked" : token.expiresAt && Date.parse(token.expiresAt) <= now ? "Expired" : "Active",
  }));
}

const STATUS_STYLES: Record<Status, string> = {
  Active: "text-emerald-700 dark:text-emerald-400",
  Expired: "text-zinc-500",
  Revoked: "text-zinc-500",
};

const COLUMNS = ["Name", "Token", "Access", "Created", "Last used", "Expires", "Status"];

/** Settings → Tokens: your personal access tokens for the API and bots; a new one is shown once. */
export default async function TokensPage() {
  await requirePageActor({ path: "/settings/tokens" });
  const tokens = withStatus(await listTokens());
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Your account, and the tokens bots and scripts use to act as you.</p>
      <SectionTabs label="Settings" current="/settings/tokens" tabs={SETTINGS_TABS} />

      <section aria-labelledby="tokens-title" className="mt-8">
        <h2 id="tokens-title" className="text-xl font-semibold tracking-tight">
          Tokens
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
          A personal access token lets a bot or a script use the API as you, with your role (or only reading, if you make it read-only). Send it in an{" "}
          <code className="font-mono text-[0.85em]">Authorization: Bearer</code> header. Revoke one that leaked or is no longer used: it stops working at once.
        </p>

        <div className="mt-6 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
          <h3 id="create-token-title" className="mb-4 font-semibold">
            New token
          </h3>
          <CreateTokenForm />
        </div>

        <h3 className="mt-10 font-semibold">
          Your tokens <span className="font-normal text-zinc-500">({tokens.length})</span>
        </h3>
        {tokens.length === 0 ? (
          <p className="mt-3 rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-500 dark:border-zinc-700">You have no tokens yet.</p>
        ) : (
          <table className="mt-3 w-full text-sm max-md:block">
            <caption className="sr-only">Your tokens</caption>
            <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 max-md:sr-only dark:border-zinc-800">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="py-2 pr-3 font-medium">
                    {column}
                  </th>
                ))}
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody className="max-md:block">
              {tokens.map((token) => (
                <tr
                  key={token.id}
                  className={`border-b border-zinc-100 align-middle max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:gap-y-1.5 max-md:py-4 dark:border-zinc-800/70 ${token.status === "Active" ? "" : "text-zinc-500"}`}
                >
                  <td className="py-3 pr-3 font-medium wrap-anywhere max-md:py-0">{token.name}</td>
                  <td className="py-3 pr-3 font-mono text-xs whitespace-nowrap max-md:py-0 max-md:text-right">{token.prefix}…</td>
                  <td className="py-3 pr-3 whitespace-nowrap max-md:py-0">{token.readOnly ? "Read-only" : "Your role"}</td>
                  <Cell label="Created">{formatDate(token.createdAt)}</Cell>
                  <Cell label="Last used">{token.lastUsedAt ? formatInstant(token.lastUsedAt, null) : "Never"}</Cell>
                  <Cell label="Expires">{token.expiresAt ? formatDate(token.expiresAt) : "Never"}</Cell>
                  <td className={`py-3 pr-3 font-medium whitespace-nowrap max-md:py-0 ${STATUS_STYLES[token.status]}`}>{token.status}</td>
                  <td className="py-3 max-md:py-0">{token.status === "Active" && <RevokeTokenButton id={token.id} name={token.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Cell({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <td className="py-3 pr-3 text-zinc-600 tabular-nums max-md:py-0 md:whitespace-nowrap dark:text-zinc-400">
      <span className="text-xs text-zinc-500 md:hidden">{label}: </span>
      {children}
    </td>
  );
}
