/** Impact figures and durations written for people. */
import type { ImpactFigureKey } from "./postmortem";

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** "1 hour, 25 minutes"; "3 days, 2 hours"; "45 seconds" for under a minute. */
export function formatDuration(totalMinutes: number): string {
  if (!Number.isFinite(totalMinutes) || totalMinutes < 0) return "—";
  if (totalMinutes < 1) {
    const seconds = Math.round(totalMinutes * 60);
    // 59.5 s and up rounds to a whole minute: say "1 minute", not "60 seconds".
    if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  }
  const rounded = Math.round(totalMinutes);
  const days = Math.floor(rounded / 1440);
  const hours = Math.floor((rounded % 1440) / 60);
  const minutes = rounded % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} day${days === 1 ? "" : "s"}`);
  if (hours) parts.push(`${hours} hour${hours === 1 ? "" : "s"}`);
  if (minutes && days === 0) parts.push(`${minutes} minute${minutes === 1 ? "" : "s"}`);
  return parts.join(", ") || "0 minutes";
}

/** One impact figure with its unit ("12.5 %", "18,000", "52 minutes"). */
export function formatFigure(key: ImpactFigureKey, value: number): string {
  switch (key) {
    case "errorRate":
      return `${decimal.format(value)} %`;
    case "durationMinutes":
      return formatDuration(value);
    case "revenueLost":
      return decimal.format(value);
    default:
      return whole.format(value);
  }
}
