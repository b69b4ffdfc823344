/** Guesses an event's kind from its words, for pasted and imported timelines. */
import type { EventKind } from "../postmortem";

// Checked in order: the first rule whose pattern matches wins, so the more
// specific outcomes (resolved, mitigated) come before generic actions.
const RULES: { kind: EventKind; pattern: RegExp }[] = [
  { kind: "resolved", pattern: /\b(resolved|all systems (are )?operational|fully recovered|incident (closed|over)|service (fully )?restor|back to normal|post-incident review begins)/i },
  { kind: "mitigated", pattern: /\b(mitigat|normali[sz]e|recover(ed|ing|y)|error rates? (drop|fall|return)|users (are )?able to|stabili[sz]e)/i },
  { kind: "communication", pattern: /\b(status ?page|announce|notif(y|ied) (customers|users)|tweet|customer (update|comms|communication)|email(ed)? customers)/i },
  { kind: "escalation", pattern: /\b(escalat|paged (the )?(second|secondary|manager|lead)|incident commander|war ?room|all hands)/i },
  { kind: "alert", pattern: /\b(alert(s|ed)?|paged?|pagerduty|opsgenie|on-?call .*(notified|paged))\b/i },
  { kind: "detected", pattern: /\b(detect|notic(e|ed)|report(s|ed)? |discover(ed|s)?|spotted|identif(y|ied)|we (saw|see)|spike|dashboards? show)/i },
  { kind: "impact_start", pattern: /\b(outage (began|begins|started)|users (began|start(ed)?) (to )?(report|see|experienc)|errors? (began|start)|impact (began|start)|went down|started failing|issues (began|start)|began surfacing)/i },
  { kind: "trigger", pattern: /\b(deploy(ed|s|ment)?|released?|rolled out|pushed|merged|config(uration)? change|migration (ran|started))\b/i },
  { kind: "action", pattern: /\b(roll(ed)? ?back|revert|restart|patch|fix|redeploy|investigat|scale[ds]? |failover|attempt|disable|enable|block)/i },
];

/** The kind an event's text most likely describes; "note" when nothing matches. */
export function inferEventKind(text: string, options: { isFirst?: boolean } = {}): EventKind {
  const rule = RULES.find(({ pattern }) => pattern.test(text));
  if (!rule) return "note";
  // A rollback or redeploy is an action, not a trigger, unless it starts the story.
  if (rule.kind === "trigger" && !options.isFirst && /\b(roll(ed)? ?back|redeploy|revert)/i.test(text)) return "action";
  return rule.kind;
}
