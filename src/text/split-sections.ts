export type SectionKind = 'front' | 'body' | 'appendix' | 'references';

export interface Section {
  /** The heading line as printed (`3 Experiments`), or '' for the text before the first heading. */
  heading: string;
  /** The section including its heading line; joining all sections with '\n' gives the input back. */
  text: string;
  kind: SectionKind;
}

/** Section names papers use without a number, or with one. */
const KNOWN_NAMES =
  /^(?:abstract|introduction|related works?|prior work|background|preliminaries|methods?|methodology|approach|our approach|proposed method|model|experiments?|experimental setup|experimental results|setup|evaluation|results|results and discussion|discussion|analysis|limitations|conclusions?|concluding remarks|conclusions? and future work|summary|future work|acknowledge?ments?|references|bibliography|ethics statement|ethical considerations|broader impacts?|datasets?|data)$/i;
/** `Abstract. In this paper…` and `Acknowledgements: I am indebted…` start a section mid-line. */
const INLINE_HEADING = /^(abstract|acknowledge?ments?)\s*[.:—–-]\s+\S/i;
const NUMBERED = /^(\d{1,2})\.?\s+(\p{Lu}.*)$/u;
/** REVTeX: `III. THE K̄N-πΣ LOCAL POTENTIAL`, in capitals (Greek lower case allowed for symbols). */
const ROMAN = /^([IVX]{1,6})\.\s+(\p{Lu}[^a-z]*)$/u;
const APPENDIX_WORD = /^(?:appendix|appendices|supplementary materials?|supplemental materials?)\b/i;
const LETTERED = /^([A-H])\.?\s+(\p{Lu}.*)$/u;
/** Headings that make a later `A Something` line an appendix rather than a sentence. */
const END_MATTER = /^(?:conclusions?|concluding remarks|acknowledge?ments?|references|bibliography)/i;
/** Longer "headings" are numbered list items of the running text. */
const MAX_TITLE_WORDS = 9;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

/** Splits a cleaned paper at its top-level headings, each section tagged front/body/appendix/references. */
export function splitSections(text: string): Section[] {
  const lines = text.split('\n');
  const sections: Section[] = [];
  let current = { heading: '', kind: 'front' as SectionKind, lines: [] as string[] };
  const state: HeadingState = {
    lastNumber: 0,
    lastRoman: 0,
    nextLetter: 'A',
    inAppendix: false,
    pastEndMatter: false,
    letteredAhead: findLetteredCandidates(lines),
  };
  for (const [index, line] of lines.entries()) {
    state.lineIndex = index;
    const heading = classifyHeading(line.trim(), state);
    if (heading) {
      if (current.lines.length > 0) sections.push(toSection(current));
      current = { heading: line.trim(), kind: heading, lines: [] };
    }
    current.lines.push(line);
  }
  sections.push(toSection(current));
  return sections;
}

// --- internal ---

interface HeadingState {
  lastNumber: number;
  lastRoman: number;
  nextLetter: string;
  inAppendix: boolean;
  pastEndMatter: boolean;
  /** Line index → letter of every line shaped like `B Some title`. */
  letteredAhead: Map<number, string>;
  lineIndex?: number;
}

function findLetteredCandidates(lines: string[]): Map<number, string> {
  const candidates = new Map<number, string>();
  lines.forEach((line, index) => {
    const lettered = line.trim().match(LETTERED);
    if (lettered && looksLikeTitle(lettered[2]!)) candidates.set(index, lettered[1]!);
  });
  return candidates;
}

/** A lettered appendix heading is believed only when the next letter's heading follows (A needs a B). */
function hasNextLetterAfter(state: HeadingState, letter: string): boolean {
  const next = String.fromCharCode(letter.charCodeAt(0) + 1);
  for (const [index, candidate] of state.letteredAhead) {
    if (index > (state.lineIndex ?? 0) && candidate === next) return true;
  }
  return false;
}

function toSection(current: { heading: string; kind: SectionKind; lines: string[] }): Section {
  return { heading: current.heading, kind: current.kind, text: current.lines.join('\n') };
}

function classifyHeading(line: string, state: HeadingState): SectionKind | undefined {
  if (line.length === 0 || line.length > 100) return undefined;
  const inline = line.match(INLINE_HEADING)?.[1];
  if (inline) return kindOfName(inline, state);
  if (APPENDIX_WORD.test(line) && !/[.,;]$|\s\d+$/.test(line)) {
    state.inAppendix = true;
    return 'appendix';
  }
  const name = stripNumbering(line, state);
  if (name !== undefined && KNOWN_NAMES.test(name)) return kindOfName(name, state);
  if (name !== undefined && looksLikeTitle(name)) return state.inAppendix ? 'appendix' : 'body';
  const lettered = line.match(LETTERED);
  const continuesAppendix = state.nextLetter !== 'A' || hasNextLetterAfter(state, 'A');
  if (lettered && state.pastEndMatter && lettered[1] === state.nextLetter && looksLikeTitle(lettered[2]!) && continuesAppendix) {
    state.nextLetter = String.fromCharCode(state.nextLetter.charCodeAt(0) + 1);
    state.inAppendix = true;
    return 'appendix';
  }
  return undefined;
}

/** The heading's words without its number, when the number continues the paper's sequence (1, 2, 3 or I, II). */
function stripNumbering(line: string, state: HeadingState): string | undefined {
  const numbered = line.match(NUMBERED);
  if (numbered) {
    const number = Number(numbered[1]);
    if (number !== state.lastNumber + 1 || !looksLikeTitle(numbered[2]!)) return undefined;
    state.lastNumber = number;
    return numbered[2]!;
  }
  const roman = line.match(ROMAN);
  if (roman) {
    const number = romanToNumber(roman[1]!);
    if (number !== state.lastRoman + 1) return undefined;
    state.lastRoman = number;
    return roman[2]!.trim();
  }
  return KNOWN_NAMES.test(line) ? line : undefined;
}

function kindOfName(name: string, state: HeadingState): SectionKind {
  if (END_MATTER.test(name)) state.pastEndMatter = true;
  if (/^(?:references|bibliography)$/i.test(name)) return 'references';
  if (/^abstract$/i.test(name)) return 'front';
  return state.inAppendix ? 'appendix' : 'body';
}

/** Short, capitalized, no sentence punctuation, no trailing page number (tables of contents). */
function looksLikeTitle(words: string): boolean {
  const trimmed = words.trim();
  if (trimmed.split(/\s+/).length > MAX_TITLE_WORDS || /[.,;]$/.test(trimmed) || /,/.test(trimmed)) return false;
  if (/\s\d+$/.test(trimmed) || /\bet al\b/.test(trimmed)) return false;
  // Numbered list items in the text read like sentences: `1. We propose…`.
  if (/^(?:we|our|this|it|they|these)\s/i.test(trimmed)) return false;
  const letters = trimmed.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 3 && letters / trimmed.length >= 0.6;
}

function romanToNumber(roman: string): number {
  let total = 0;
  for (let index = 0; index < roman.length; index += 1) {
    const value = ROMAN_VALUES[roman[index]!] ?? 0;
    const next = ROMAN_VALUES[roman[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}
