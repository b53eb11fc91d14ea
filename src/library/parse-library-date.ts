/**
 * A date as exports write it (`2024-03-05`, `2024-03-05 10:12:00 +0000`, `2024/03/05/10:12:00`, `2024.03.05`,
 * `March 2024`, a year alone) as ISO 8601 in UTC, or null when it is not a date.
 */
export function parseLibraryDate(text: string | undefined): string | null {
  if (text === undefined) return null;
  // RIS leaves the parts it lacks empty: "2017///".
  const trimmed = text.trim().replace(/\/+$/, '');
  const numeric = trimmed.match(NUMERIC_DATE);
  if (numeric) {
    const [, year, month = '1', day = '1', hour = '0', minute = '0', second = '0', zone] = numeric;
    const calendarDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    // Date.UTC rolls 2024-02-31 over into March: such a date is a typo, not a date.
    if (calendarDay.getUTCMonth() !== Number(month) - 1 || calendarDay.getUTCDate() !== Number(day)) return null;
    return toIso(calendarDay.getTime() + ((Number(hour) * 60 + Number(minute) - parseOffsetMinutes(zone)) * 60 + Number(second)) * 1_000);
  }
  return toIso(Date.parse(`${trimmed} UTC`));
}

/** A CSL JSON date (`{"date-parts": [[2024, 3, 5]]}` or `{"raw": "2024-03-05"}`) as ISO 8601, or null. */
export function parseCslDate(value: unknown): string | null {
  if (typeof value === 'string') return parseLibraryDate(value);
  if (typeof value !== 'object' || value === null) return null;
  const { 'date-parts': dateParts, raw } = value as { 'date-parts'?: unknown; raw?: unknown };
  const first = Array.isArray(dateParts) && Array.isArray(dateParts[0]) ? (dateParts[0] as unknown[]) : undefined;
  if (first !== undefined && first.length > 0) return parseLibraryDate(first.map((part) => String(part).padStart(2, '0')).join('-'));
  return typeof raw === 'string' ? parseLibraryDate(raw) : null;
}

// --- internal ---

// Year, then month, day, time and offset, each optional; "-", "/" or "." (old JabRef) between the date's parts, "T", " " or "/" before the time.
const NUMERIC_DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T /](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?\/?$/;

function parseOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

function toIso(milliseconds: number): string | null {
  if (!Number.isFinite(milliseconds)) return null;
  const date = new Date(milliseconds);
  return date.getUTCFullYear() >= 1000 && date.getUTCFullYear() <= 9999 ? date.toISOString() : null;
}
