/**
 * A table of corrective actions, as the Google SRE template writes it:
 * | Action Item | Type | Owner | Bug |. Columns are recognised by their
 * header; a value that fits no field, and any other column, goes into the
 * description as "Header: value", so nothing in the table is lost.
 */
import type { Table, TableCell } from "mdast";
import type { CorrectiveAction } from "@/lib/schemas/postmortem";
import type { ActionStatus } from "@/lib/domain/postmortem";
import { httpUrlSchema } from "@/lib/schemas/postmortem";
import { newAction } from "./action-details";
import { readDate } from "./dates";
import { firstLink } from "./inline-text";
import { plainText } from "../plain-text";
import type { ImportState } from "./state";
import { readActionStatus, readActionType, readPriority } from "./vocabulary";

type Column = "title" | "type" | "owner" | "url" | "status" | "due" | "priority" | "index";

const COLUMN_HEADERS: [Column, RegExp][] = [
  ["title", /^(action( items?)?s?|items?|tasks?|descriptions?|what|remediations?|titles?|todos?|follow[- ]?ups?|corrective actions?)$/i],
  ["type", /^(type|kind|category)$/i],
  ["owner", /^(owners?|assignees?|assigned to|who|responsible|dri)$/i],
  ["url", /^(bugs?|tickets?|issues?|links?|tracker|jira|urls?|tracking)$/i],
  ["status", /^(status|state|done\??|complete\??)$/i],
  ["due", /^(due|due date|deadline|eta|target|target date|when|by)$/i],
  ["priority", /^(priority|pri|p)$/i],
  ["index", /^(#|№|no\.?|nr\.?)$/],
];

// The SRE book writes a bug's state after its number: "SRCH-101 **DONE**".
const BUG_STATUS = /\s*\b(DONE|FIXED|CLOSED|RESOLVED|IN PROGRESS|STARTED|TODO|OPEN|WONTFIX|WON'T FIX)$/;

// Cells that say nothing; "TBD" and "TODO" still say something, so they are kept in the description.
const NOTHING = /^(?:|-|—|–|n\/?a|none)$/i;
const NO_OWNER = /^(?:|-|—|–|n\/?a|none|tbd|todo|\?)$/i;

/** One action per row. */
export function readActionTable(state: ImportState, table: Table, status: ActionStatus): CorrectiveAction[] {
  const [header, ...rows] = table.children;
  const titles = header.children.map((cell) => plainText(cell.children).replace(/\*/g, "").trim());
  const columns = titles.map((title) => COLUMN_HEADERS.find(([, pattern]) => pattern.test(title))?.[0] ?? null);
  if (!columns.includes("title")) columns[columns.findIndex((column) => column === null) === -1 ? 0 : columns.findIndex((column) => column === null)] = "title";

  const hasStatusColumn = columns.includes("status");
  return rows.flatMap((row) => {
    const action = newAction("", status);
    const notes: string[] = [];
    row.children.forEach((cell, index) => {
      let text = plainText(cell.children).trim();
      const column = columns[index];
      const bugStatus = column === "url" && !hasStatusColumn ? text.match(BUG_STATUS) : null;
      if (bugStatus) {
        action.status = readActionStatus(bugStatus[1]) ?? action.status;
        text = text.slice(0, bugStatus.index).trim();
      }
      if (column === "title") action.title = [action.title, text].filter(Boolean).join(" — ");
      else if (!readCell(state, action, column, cell, text) && !NOTHING.test(text)) notes.push(`${titles[index] || "Note"}: ${text}`);
    });
    action.description = notes.join("\n");
    if (!action.title) {
      if (!action.description) return [];
      action.title = "Untitled action";
    }
    return [action];
  });
}

/** Fills the action from a recognised cell; false when the value fits no field. */
function readCell(state: ImportState, action: CorrectiveAction, column: Column | null, cell: TableCell, text: string): boolean {
  switch (column) {
    case "type":
      return Boolean((action.type = readActionType(text)));
    case "priority":
      return Boolean((action.priority = readPriority(text)));
    case "owner":
      if (NO_OWNER.test(text) || text.length > 200) return false;
      action.owner = text.replace(/^@/, "");
      return true;
    case "status": {
      const status = /^(x|\[x\]|yes|y|✓|✔|✅)$/i.test(text) ? "done" : readActionStatus(text);
      if (status) action.status = status;
      return status !== null;
    }
    case "due":
      return Boolean((action.dueDate = readDate(text, state.day)));
    case "index":
      // A row number says nothing the order does not; anything else in that column is kept.
      return /^\d{1,4}\.?$/.test(text);
    case "url": {
      const link = firstLink(cell.children);
      const url = link?.url ?? (httpUrlSchema.safeParse(text).success ? text : null);
      if (url) action.url = url;
      // A bug number ("BUG-1234"), linked or not, also stays in the description.
      return url !== null && (text === url || /^(link|tracker|ticket|bug)$/i.test(text));
    }
    default:
      return false;
  }
}
