import { describe, expect, it } from "vitest";
import type { EventKind } from "../postmortem";
import { inferEventKind } from "./infer-kind";

describe("inferEventKind", () => {
  it.each<[string, EventKind]>([
    ["PagerDuty alert fires for the on-call SRE", "alert"],
    ["PagerDuty alerts the on-call SRE.", "alert"],
    ["On-call engineer paged", "alert"],
    ["Datadog reports a sudden drop in successful logins", "detected"],
    ["Support noticed a spike in tickets", "detected"],
    ["Users began reporting login failures", "impact_start"],
    ["Issues began surfacing.", "impact_start"],
    ["Incident commander assigned; war room opened", "escalation"],
    ["We attempt a rollback of the config file.", "action"],
    ["Restarted the auth pods", "action"],
    ["Error rates begin to normalize", "mitigated"],
    ["Error rates begin to normalize. Users are able to log in again.", "mitigated"],
    ["All systems operational", "resolved"],
    ["All systems operational. Post-incident review begins.", "resolved"],
    ["Full service restoration; systems back online.", "resolved"],
    ["Status page updated", "communication"],
    ["Customers notified via the status page", "communication"],
    ["Lunch break", "note"],
    ["", "note"],
  ])("reads %j as %s", (text, kind) => {
    expect(inferEventKind(text)).toBe(kind);
  });

  it("reads a deploy that starts the story as the trigger", () => {
    expect(inferEventKind("The new config is deployed to production via CI/CD.", { isFirst: true })).toBe("trigger");
    expect(inferEventKind("Update pushed to production.", { isFirst: true })).toBe("trigger");
  });

  it("reads a rollback or redeploy later in the story as an action", () => {
    expect(inferEventKind("Rolled back to v2.2")).toBe("action");
    expect(inferEventKind("Rolled back the deployment")).toBe("action");
    expect(inferEventKind("Reverted the commit")).toBe("action");
    expect(inferEventKind("We patch the config to remove the flag override and redeploy.")).toBe("action");
  });

  it("keeps a rollback of a deployment that opens the story as its trigger", () => {
    expect(inferEventKind("Rolled back the deployment", { isFirst: true })).toBe("trigger");
  });

  it("does not match a word inside another word", () => {
    expect(inferEventKind("Unresolved questions remain")).toBe("note");
  });
});
