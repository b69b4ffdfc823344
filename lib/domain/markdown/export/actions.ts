/** Corrective actions as a task list: "- [x] **Title** — description _(type: … · status: done · [tracker](…))_". */
import type { CorrectiveAction, PostmortemDocument } from "@/lib/schemas/postmortem";
import { ACTION_STATUS_LABELS } from "@/lib/domain/postmortem";
import { canFollowPrefix, joinItems, section } from "./blocks";
import { indentAll, inlineText, link, markdownBlock } from "./escape";

/** "type: prevent · priority: high · owner: Jo · due: 2024-03-29 · status: in progress · [tracker](url)", only what is set. */
function details(action: CorrectiveAction): string {
  const parts = [
    action.type && `type: ${action.type}`,
    action.priority && `priority: ${action.priority}`,
    action.owner && `owner: ${inlineText(action.owner)}`,
    action.dueDate && `due: ${action.dueDate}`,
    `status: ${ACTION_STATUS_LABELS[action.status].toLowerCase()}`,
    action.url && link("tracker", action.url),
  ];
  return `_(${parts.filter(Boolean).join(" · ")})_`;
}

/**
 * One action. A one-line description follows the title after a dash; a
 * longer one (paragraphs, code, lists) follows as the item's own blocks,
 * with the details on the title's line.
 */
export function renderAction(action: CorrectiveAction): string {
  const title = `${action.status === "done" ? "[x]" : "[ ]"} **${inlineText(action.title)}**`;
  const description = markdownBlock(action.description);
  if (description === "") return `- ${title} ${details(action)}`;
  if (!description.includes("\n") && canFollowPrefix(description)) return `- ${title} — ${description} ${details(action)}`;
  return `- ${title} ${details(action)}\n\n${indentAll(description, "  ")}`;
}

export function renderActions(doc: PostmortemDocument, title = "Corrective actions"): string[] {
  return section(2, title, [joinItems(doc.correctiveActions.map(renderAction))]);
}
