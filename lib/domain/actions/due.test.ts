import { describe, expect, it } from "vitest";
import { addDays, daysBetween, dueLabel, isFinished, overdueDays, todayUtc } from "./due";

const TODAY = "2024-03-15";

describe("overdueDays", () => {
  it("counts the days an unfinished action is past its due date", () => {
    expect(overdueDays({ dueDate: "2024-03-03", status: "open" }, TODAY)).toBe(12);
    expect(overdueDays({ dueDate: "2024-03-14", status: "in_progress" }, TODAY)).toBe(1);
  });

  it("is null when due today or later, without a due date, or finished", () => {
    expect(overdueDays({ dueDate: TODAY, status: "open" }, TODAY)).toBeNull();
    expect(overdueDays({ dueDate: "2024-04-01", status: "open" }, TODAY)).toBeNull();
    expect(overdueDays({ dueDate: null, status: "open" }, TODAY)).toBeNull();
    expect(overdueDays({ dueDate: "2020-01-01", status: "done" }, TODAY)).toBeNull();
    expect(overdueDays({ dueDate: "2020-01-01", status: "wont_do" }, TODAY)).toBeNull();
  });

  it("counts across months, leap days and years", () => {
    expect(overdueDays({ dueDate: "2024-02-28", status: "open" }, "2024-03-01")).toBe(2);
    expect(overdueDays({ dueDate: "2023-12-31", status: "open" }, "2024-01-01")).toBe(1);
  });
});

describe("dueLabel", () => {
  it("says how late, or how soon, in words", () => {
    expect(dueLabel({ dueDate: "2024-03-03", status: "open" }, TODAY)).toBe("Overdue by 12 days");
    expect(dueLabel({ dueDate: "2024-03-14", status: "open" }, TODAY)).toBe("Overdue by 1 day");
    expect(dueLabel({ dueDate: TODAY, status: "open" }, TODAY)).toBe("Due today");
    expect(dueLabel({ dueDate: "2024-03-16", status: "in_progress" }, TODAY)).toBe("Due in 1 day");
    expect(dueLabel({ dueDate: "2021-03-15", status: "open" }, TODAY)).toBe("Overdue by 1,096 days");
  });

  it("says nothing for finished actions or those without a due date", () => {
    expect(dueLabel({ dueDate: "2024-03-03", status: "done" }, TODAY)).toBeNull();
    expect(dueLabel({ dueDate: null, status: "open" }, TODAY)).toBeNull();
  });
});

describe("date helpers", () => {
  it("adds days and measures between days", () => {
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays(TODAY, 30)).toBe("2024-04-14");
    expect(daysBetween("2024-04-14", TODAY)).toBe(-30);
  });

  it("takes today in UTC", () => {
    expect(todayUtc(new Date("2024-03-15T23:59:59-05:00"))).toBe("2024-03-16");
  });

  it("treats done and won't do as finished", () => {
    expect([isFinished("open"), isFinished("in_progress"), isFinished("done"), isFinished("wont_do")]).toEqual([false, false, true, true]);
  });
});
