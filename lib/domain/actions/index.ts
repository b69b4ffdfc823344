/** Corrective actions across postmortems: due-date rules, CSV rows, history wording. */
export { addDays, daysBetween, dueLabel, isFinished, overdueDays, todayUtc } from "./due";
export { csvField, defuseFormula, toCsv } from "./csv";
export { actionsToCsv, CSV_HEADER, type TrackedAction } from "./rows";
export { describeActionStatusChange } from "./status-change";
