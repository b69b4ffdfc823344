/**
 * Time zone abbreviations people write after times or in "All times in CET",
 * mapped to the IANA zone they almost always mean. An abbreviation names a
 * region, not a fixed offset: "PST" in July still means Pacific time, so the
 * zone's own daylight-saving rules apply.
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  UTC: "UTC",
  GMT: "UTC",
  Z: "UTC",
  // Europe
  WET: "Europe/Lisbon",
  WEST: "Europe/Lisbon",
  BST: "Europe/London",
  CET: "Europe/Berlin",
  CEST: "Europe/Berlin",
  MEZ: "Europe/Berlin",
  MESZ: "Europe/Berlin",
  EET: "Europe/Helsinki",
  EEST: "Europe/Helsinki",
  MSK: "Europe/Moscow",
  // Americas
  PST: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  PT: "America/Los_Angeles",
  MST: "America/Denver",
  MDT: "America/Denver",
  MT: "America/Denver",
  CST: "America/Chicago",
  CDT: "America/Chicago",
  CT: "America/Chicago",
  EST: "America/New_York",
  EDT: "America/New_York",
  ET: "America/New_York",
  AKST: "America/Anchorage",
  AKDT: "America/Anchorage",
  HST: "Pacific/Honolulu",
  BRT: "America/Sao_Paulo",
  // Asia, Africa, Oceania
  IST: "Asia/Kolkata",
  SGT: "Asia/Singapore",
  HKT: "Asia/Hong_Kong",
  JST: "Asia/Tokyo",
  KST: "Asia/Seoul",
  SAST: "Africa/Johannesburg",
  AWST: "Australia/Perth",
  ACST: "Australia/Adelaide",
  ACDT: "Australia/Adelaide",
  AEST: "Australia/Sydney",
  AEDT: "Australia/Sydney",
  NZST: "Pacific/Auckland",
  NZDT: "Pacific/Auckland",
};

/** The IANA zone an upper-case abbreviation stands for ("PST" → "America/Los_Angeles"), or null. */
export function zoneForAbbreviation(abbreviation: string): string | null {
  return Object.hasOwn(ZONE_ABBREVIATIONS, abbreviation) ? ZONE_ABBREVIATIONS[abbreviation] : null;
}
