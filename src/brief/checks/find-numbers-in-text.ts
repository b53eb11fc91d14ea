import { type NumberMention, scanNumbers } from './scan-numbers.js';

/** Bare integers up to this are counts ("three datasets", "2 stages", "Llama 2") rather than results. */
export const LARGEST_UNCHECKED_COUNT = 10;

/**
 * The numbers in `text` that state something checkable: every number except
 * bare integers ≤ 10, names and versions (`GPT-4`, `ResNet-50`, `F1`, `v2.0`),
 * references (`Section 3.2`, `Eq. (4)`, `Table 2`, `[12]`) and numbers inside URLs, DOIs and arXiv IDs.
 * A number with a unit (`3%`, `2×`, `7B`) or a decimal point is always kept; years are kept too.
 */
export function findNumbersInText(text: string): NumberMention[] {
  const skippedSpans = findSkippedSpans(text);
  return scanNumbers(text).filter(
    (mention) =>
      !isInsideSpan(mention.index, skippedSpans) &&
      !isPartOfName(text, mention) &&
      !isReference(text, mention) &&
      !isSmallCount(mention),
  );
}

// --- internal ---

const SKIPPED_SPAN_PATTERNS = [
  /\b(?:https?:\/\/|www\.)\S+/gi,
  /\b(?:arxiv|doi):\s*\S+/gi,
  /\b10\.\d{4,9}\/\S+/g,
  /\[\s*\d+(?:\s*[,;\-–]\s*\d+)*\s*\]/g,
];

const REFERENCE_WORDS = [
  'sections?',
  'secs?\\.',
  'chapters?',
  'ch\\.',
  'appendix',
  'appendices',
  'app\\.',
  'tables?',
  'tabs?\\.',
  'figures?',
  'figs?\\.',
  'equations?',
  'eqs?\\.',
  'eqns?\\.?',
  'theorems?',
  'thms?\\.',
  'lemmas?',
  'corollar(?:y|ies)',
  'propositions?',
  'props?\\.',
  'definitions?',
  'defs?\\.',
  'algorithms?',
  'algs?\\.',
  'assumptions?',
  'examples?',
  'remarks?',
  'steps?',
  'page',
  'pp?\\.',
  'line',
  'footnotes?',
  'refs?\\.',
];

// "Section 3.2", "Eqs. (4) and (5)", "Figures 2-3", "§ 4": the keyword, then any earlier numbers of a list.
const REFERENCE_BEFORE = new RegExp(
  `(?:\\b(?:${REFERENCE_WORDS.join('|')})|§)\\s*(?:\\(?[A-Z]?\\d+(?:\\.\\d+)*[a-z]?\\)?\\s*(?:,|and|or|to|&|-|–)\\s*)*\\(?$`,
  'i',
);

function findSkippedSpans(text: string): Array<[number, number]> {
  return SKIPPED_SPAN_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match): [number, number] => [match.index, match.index + match[0].length]),
  );
}

function isInsideSpan(index: number, spans: Array<[number, number]>): boolean {
  return spans.some(([start, end]) => index >= start && index < end);
}

// "GPT-4", "ResNet-50", "F1", "top-5", "pass@1", "v2.0": the digits are part of a name.
function isPartOfName(text: string, mention: NumberMention): boolean {
  const before = text.slice(Math.max(0, mention.index - 2), mention.index);
  return /\p{L}$/u.test(before) || /\p{L}[-_.@/]$/u.test(before);
}

function isReference(text: string, mention: NumberMention): boolean {
  if (!/^\d+(?:\.\d+)?$/.test(mention.text)) return false;
  return REFERENCE_BEFORE.test(text.slice(Math.max(0, mention.index - 60), mention.index));
}

function isSmallCount(mention: NumberMention): boolean {
  return mention.isBareInteger && mention.value <= LARGEST_UNCHECKED_COUNT;
}
