/** A word (maybe itself hyphenated) cut by a hyphen at a line end, continued by a letter on the next line. */
const LINE_END_SPLIT = /(?<![\p{L}\p{M}-])(\p{L}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*)-\n(\p{L}[\p{L}\p{M}]*)(\S*)( ?)/gu;
const WORD = /\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*/gu;

/** Words that are whole words before a hyphen far more often than syllables: `self-`, `well-`, `cross-`. */
const HYPHEN_KEEPING_WORDS = new Set([
  'self', 'well', 'cross', 'state', 'high', 'low', 'long', 'short', 'large', 'small', 'fine', 'zero',
  'one', 'two', 'three', 'few', 'real', 'half', 'semi', 'quasi', 'pseudo', 'non', 'data', 'task', 'domain',
]);
/** Endings that are never a word of their own: `large-\nly` is `largely`. */
const SUFFIXES = /^(?:s|es|ed|er|ers|est|ly|ing|ings|ness|ity|ities|ment|ments|tion|tions|able|ible|al|ally|ism|ist|ists)$/;

/**
 * Joins `repre-\nsentation` → `representation`; keeps the hyphen of compounds (`state-of-the-\nart` →
 * `state-of-the-art`, `non-\nHermitian` → `non-Hermitian`). The rest of the second line stays on its own line.
 */
export function joinHyphenatedWords(text: string): { text: string; joined: number; keptHyphen: number } {
  const counts = countWords(text);
  let joined = 0;
  let keptHyphen = 0;
  const result = text.replace(LINE_END_SPLIT, (_match, left: string, right: string, trailing: string, space: string) => {
    const lineBreak = space === ' ' ? '\n' : '';
    if (keepsHyphen(left, right, counts)) {
      keptHyphen += 1;
      return `${left}-${right}${trailing}${lineBreak}`;
    }
    joined += 1;
    return `${left}${right}${trailing}${lineBreak}`;
  });
  return { text: result, joined, keptHyphen };
}

// --- internal ---

/** How often each word occurs in the document, the split halves excluded; lower-cased. */
function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.replace(LINE_END_SPLIT, ' ').matchAll(WORD)) {
    const word = match[0].toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

function keepsHyphen(left: string, right: string, counts: Map<string, number>): boolean {
  // A capital after the hyphen starts a name or an acronym, never the rest of a syllable.
  if (/^\p{Lu}/u.test(right)) return true;
  const hyphenated = counts.get(`${left}-${right}`.toLowerCase()) ?? 0;
  const closed = counts.get(`${left}${right}`.toLowerCase()) ?? 0;
  // The document's own spelling elsewhere decides first.
  if (hyphenated > 0 || closed > 0) return hyphenated >= closed && hyphenated > 0;
  if (SUFFIXES.test(right)) return false;
  if (left.includes('-')) return true;
  return HYPHEN_KEEPING_WORDS.has(left.toLowerCase());
}
