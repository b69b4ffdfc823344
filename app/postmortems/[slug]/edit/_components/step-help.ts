import type { StepId } from "@/lib/domain/editor/steps";

/** What a good answer looks like, per step, in the blameless spirit. */
export const STEP_HELP: Record<StepId, string> = {
  overview:
    "Say what happened and who felt it, in words a newcomer understands. Quantify the impact where you can: numbers make the next prioritisation discussion easier.",
  timeline:
    "Record what happened and what people knew at each moment — not what they should have known. Include the first signal, the detection, every decision, and the resolution.",
  "root-cause":
    "Look for the conditions that let a normal action cause harm. A person is never the root cause: ask why the system made the mistake easy and its effect large.",
  factors:
    "List everything that made the incident possible or worse: drift between environments, missing alerts, gaps in tests, unclear ownership, pressure.",
  actions:
    "Each action should change the system, not ask people to be more careful. Give it an owner and a due date so it does not fade away.",
  lessons:
    "Be honest about what helped and what hurt. Luck is worth writing down: it is the part you cannot count on next time.",
  review: "Check the postmortem is complete before sharing it: every step below should be green.",
};
