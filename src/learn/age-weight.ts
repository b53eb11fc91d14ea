const MS_PER_DAY = 86_400_000;

/** How much a vote or library item dated `at` counts at `now`: 1 when new, a half after `halfLifeDays`; undated counts as new. */
export function ageWeight(at: string | null, now: Date, halfLifeDays: number): number {
  if (at === null) return 1;
  const time = Date.parse(at);
  if (Number.isNaN(time)) return 1;
  const ageDays = Math.max(0, (now.getTime() - time) / MS_PER_DAY);
  return 0.5 ** (ageDays / halfLifeDays);
}
