import type { ScoreParts } from './score-parts.js';

/** The one short line a reader sees under a pick: the rule, else the liked paper it is like, the shared interest it matches, or the day's popularity. */
export function describePick(parts: ScoreParts, sharedEntry: { reason: string } | undefined): string {
  if (parts.rule) return `from ${parts.rule.author}`;
  if (parts.nearestLiked && parts.nearestLiked.similarity >= MIN_LIKE_SIMILARITY && parts.modelWeight > 0) return `like ${parts.nearestLiked.title}`;
  const interest = sharedEntry ? readInterest(sharedEntry) : null;
  return interest === null ? 'popular today' : `matches ${interest}`;
}

// --- internal ---

// Below this the nearest liked paper shares hardly a word with the pick, and naming it would mislead.
const MIN_LIKE_SIMILARITY = 0.1;

// rank/'s reasons: "nearest interest: <topic>" (embeddings) or "matches: <words>" (keywords), then maybe "; boosted: …".
function readInterest(entry: { reason: string }): string | null {
  let interest = INTERESTS.get(entry);
  if (interest === undefined) {
    const match = /^(?:nearest interest|matches):\s*([^;]+)/.exec(entry.reason);
    INTERESTS.set(entry, (interest = match ? match[1]!.trim() : null));
  }
  return interest;
}

// Each shared entry is read once a night, however many readers' copies show it.
const INTERESTS = new WeakMap<object, string | null>();
