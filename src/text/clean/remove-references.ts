export interface ReferencesCut {
  text: string;
  removed: boolean;
  /** Characters of the reference list that were cut. */
  referencesChars: number;
  /** How the list was found: its heading, or the shape of a numbered list (REVTeX has no heading). */
  method: 'heading' | 'numbered-list' | undefined;
  /** Characters after the list that were kept because they start with an appendix heading. */
  appendixChars: number;
}

/** `References`, `REFERENCES`, `Bibliography`, `7 References`, `VII. REFERENCES`. */
const REFERENCES_HEADING =
  /^(?:(?:\d+|[IVX]+)\.?\s+)?(?:references(?: and notes)?|bibliography|literature cited|works cited|reference list)$/i;
/** Appendix headings: `Appendix`, `Appendix B: Details`, `Supplementary Material`. */
const APPENDIX_WORD_HEADING = /^(?:appendix|appendices|supplementary materials?|supplemental materials?)\b/i;
/** Lettered appendix headings: `A Multi-LexSum release`, `B. ITERATIVE DESIGN`. */
const APPENDIX_LETTER_HEADING = /^([A-H])\.?\s+\p{Lu}[\p{L}\p{M}\p{N}'’\-–:&/(), ]{1,90}$/u;
/** A numbered list entry: `[12] M. Znojil` or `12. J. Goldstone`. */
const BRACKET_ENTRY = /^\[(\d{1,3})\]\s+\S/;
const NUMBER_DOT_ENTRY = /^(\d{1,3})\.\s+(?:\p{Lu}\.\s*)+\p{Lu}/u;
/** A reference list starts in the back of the paper, not in a table of contents. */
const MIN_START_SHARE = 0.2;
const MIN_LIST_ENTRIES = 5;
/** Lines allowed between two consecutive entries (long author lists wrap). */
const MAX_ENTRY_LINES = 10;

/** Cuts the reference list, keeping appendices that follow it. */
export function removeReferences(text: string): ReferencesCut {
  const lines = text.split('\n');
  const offsets = lineOffsets(lines);
  const earliest = text.length * MIN_START_SHARE;
  let method: ReferencesCut['method'];
  let start = findLastIndex(lines, (line, index) => offsets[index]! >= earliest && REFERENCES_HEADING.test(line.trim()));
  if (start !== -1) method = 'heading';
  else {
    start = findNumberedList(lines, (index) => offsets[index]! >= earliest);
    if (start !== -1) method = 'numbered-list';
  }
  if (start === -1 || method === undefined) {
    return { text, removed: false, referencesChars: 0, method: undefined, appendixChars: 0 };
  }
  const end = findAppendixAfter(lines, start + 1);
  const cutFrom = offsets[start]!;
  const cutTo = end === -1 ? text.length : offsets[end]!;
  const kept = `${text.slice(0, cutFrom)}${text.slice(cutTo)}`;
  return {
    text: kept,
    removed: true,
    referencesChars: cutTo - cutFrom,
    method,
    appendixChars: text.length - cutTo,
  };
}

// --- internal ---

function lineOffsets(lines: string[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  return offsets;
}

function findLastIndex(lines: string[], predicate: (line: string, index: number) => boolean): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) if (predicate(lines[index]!, index)) return index;
  return -1;
}

/** The last `[1]`/`1.` entry that starts a run of consecutively numbered, bibliography-like entries. */
function findNumberedList(lines: string[], allowedStart: (index: number) => boolean): number {
  for (const pattern of [BRACKET_ENTRY, NUMBER_DOT_ENTRY]) {
    for (let index = lines.length - 1; index >= 0; index -= 1) {
      const first = lines[index]!.trim().match(pattern);
      if (first?.[1] !== '1' || !allowedStart(index)) continue;
      if (countRun(lines, index, pattern) >= MIN_LIST_ENTRIES) return index;
    }
  }
  return -1;
}

function countRun(lines: string[], start: number, pattern: RegExp): number {
  let expected = 2;
  let lastEntry = start;
  for (let index = start + 1; index < lines.length && index - lastEntry <= MAX_ENTRY_LINES; index += 1) {
    const number = lines[index]!.trim().match(pattern)?.[1];
    if (number === String(expected)) {
      expected += 1;
      lastEntry = index;
    }
  }
  return expected - 1;
}

/** The first appendix heading after the list; a lettered one counts only if the next letter follows. */
function findAppendixAfter(lines: string[], from: number): number {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (looksLikeReference(line)) continue;
    if (APPENDIX_WORD_HEADING.test(line) && line.length <= 100) return index;
    const letter = line.match(APPENDIX_LETTER_HEADING)?.[1];
    if (letter === 'A' && hasLetterHeadingAfter(lines, index + 1, 'B')) return index;
  }
  return -1;
}

function hasLetterHeadingAfter(lines: string[], from: number, letter: string): boolean {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (!looksLikeReference(line) && line.match(APPENDIX_LETTER_HEADING)?.[1] === letter) return true;
  }
  return false;
}

/** Headings have no year, do not end like a sentence and are not citation continuations. */
function looksLikeReference(line: string): boolean {
  return /\b(?:19|20)\d{2}[a-z]?\b/.test(line) || /[.,;]$/.test(line) || /\bet al\b|\bpp\.|\bvol\./i.test(line);
}
