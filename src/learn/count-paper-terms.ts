import type { LearnPaper } from './learn-paper.js';

/** The words of a paper's title (counted twice: it names the topic) and abstract, and its authors as `author:<name>` terms. */
export function countPaperTerms(paper: LearnPaper): ReadonlyMap<string, number> {
  const cached = TERMS.get(paper);
  if (cached) return cached;
  const counts = new Map<string, number>();
  const add = (term: string, count: number) => counts.set(term, (counts.get(term) ?? 0) + count);
  for (const word of splitWords(paper.title)) add(word, 2);
  for (const word of splitWords(paper.abstract)) add(word, 1);
  for (const author of paper.authors) {
    const name = toAuthorKey(author);
    if (name !== '') add(`author:${name}`, 1);
  }
  TERMS.set(paper, counts);
  return counts;
}

/** The lower-case, accent-free parts of a name. */
export function nameParts(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part !== '');
}

// --- internal ---

// An author's name as compared: no accents or punctuation, lower case, its parts sorted ("Lovelace, Ada" = "Ada Lovelace").
function toAuthorKey(name: string): string {
  return nameParts(name).sort().join(' ');
}

// Each paper object is split once, however many readers' models read it in a night.
const TERMS = new WeakMap<LearnPaper, ReadonlyMap<string, number>>();

// Words that say nothing of a topic, and would make every abstract look alike.
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do does for from has have how in into is it its not of on one or our over such than that the their them then there these they this those through to two under up us using via was we were what when where which while who why will with within without more most new based show shows shown propose proposed paper results approach method methods also both each other only may however further'
  ).split(' '),
);

function splitWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word) && !isNumber(word));
}

// Numbers ("2", "2024") name no topic; checked by the first character before any pattern, as most words start with a letter.
function isNumber(word: string): boolean {
  const first = word.charCodeAt(0);
  return first >= 48 && first <= 57 && /^\d+$/.test(word);
}
