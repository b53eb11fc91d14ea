import type { ScoreParts } from './score-parts.js';

/** The one short line a reader sees under a pick: the strongest of the rule, their liked paper, the shared interest, the day's popularity. */
export function describePick(parts: ScoreParts, sharedReason: string | null): string {
  if (parts.rule) return `from ${parts.rule.author}`;
  const modelShare = parts.modelWeight * (parts.modelPercentile ?? 0);
  const sharedShare = (1 - parts.modelWeight) * parts.sharedPercentile;
  if (parts.nearestLiked && parts.nearestLiked.similarity >= MIN_LIKE_SIMILARITY && modelShare >= sharedShare) return `like ${shorten(parts.nearestLiked.title)}`;
  const interest = readInterest(sharedReason ?? '');
  return interest === null ? 'popular today' : `matches ${interest}`;
}

// --- internal ---

// Below this the nearest liked paper shares hardly a word with the pick, and naming it would mislead.
const MIN_LIKE_SIMILARITY = 0.05;
const MAX_TITLE_CHARACTERS = 70;

// rank/'s reasons: "nearest interest: <topic>" (embeddings) or "matches: <words>" (keywords), then maybe "; boosted: …".
function readInterest(reason: string): string | null {
  const match = /^(?:nearest interest|matches):\s*([^;]+)/.exec(reason);
  return match ? match[1]!.trim() : null;
}

function shorten(title: string): string {
  const oneLine = title.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_TITLE_CHARACTERS ? oneLine : `${oneLine.slice(0, MAX_TITLE_CHARACTERS - 1).trimEnd()}…`;
}
