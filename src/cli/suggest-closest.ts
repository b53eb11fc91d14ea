import { closest, distance } from 'fastest-levenshtein';

// Further than this, a typed name is not a typo of a known one, and suggesting it would mislead.
const MAX_TYPO_DISTANCE = 2;

/** The known name the user most likely meant (`nighly` → `nightly`), or undefined when none is close. */
export function suggestClosest(typed: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const candidate = closest(typed, [...known]);
  return distance(typed, candidate) <= MAX_TYPO_DISTANCE ? candidate : undefined;
}
