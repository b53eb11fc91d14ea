import { countTokens as countO200kTokens } from './count-tokens.js';
import { type Section, splitSections } from './split-sections.js';

export interface FitOptions {
  /** Tokens the paper text may take (see computeInputBudget). */
  maxTokens: number;
  /** Default: o200k_base (countTokens). */
  countTokens?: (text: string) => number;
}

export interface FittedText {
  /** The text to send: whole, reduced, or (when needsMapReduce) cut at the budget as a last resort. */
  text: string;
  tokens: number;
  /** True when `text` is not the whole input. */
  truncated: boolean;
  /** Headings of the sections left out, in the order they were dropped. */
  dropped: string[];
  /** Even without the droppable sections the paper does not fit: summarize `chunks` and combine. */
  needsMapReduce: boolean;
  /** Section-aligned pieces of the reduced paper, each within maxTokens; only when needsMapReduce. */
  chunks?: string[];
  /** The sections kept. */
  sections: Section[];
}

/** Dropped in this order, after references and appendices; the core (abstract, intro, method, results, conclusion) never. */
const DROP_PRIORITY = [
  /acknowledge?ments?|funding|author contributions?/i,
  /checklist|datasheet|reproducibility/i,
  /ethic|broader impact|social impact/i,
  /related work|prior work|literature review/i,
  /background|preliminar/i,
  /future work/i,
  /limitation/i,
];

/** Fits a cleaned paper into maxTokens by dropping whole sections, least informative first. */
export function fitToBudget(text: string, options: FitOptions): FittedText {
  const count = options.countTokens ?? countO200kTokens;
  const { maxTokens } = options;
  const totalTokens = count(text);
  const sections = splitSections(text);
  if (totalTokens <= maxTokens) {
    return { text, tokens: totalTokens, truncated: false, dropped: [], needsMapReduce: false, sections };
  }
  const kept = sections.map((section) => ({ section, tokens: count(section.text) }));
  const dropped: string[] = [];
  for (const victim of dropOrder(sections)) {
    const index = kept.findIndex((entry) => entry.section === victim);
    kept.splice(index, 1);
    dropped.push(victim.heading);
    if (sum(kept.map((entry) => entry.tokens)) > maxTokens) continue;
    const reduced = joinSections(kept.map((entry) => entry.section));
    const tokens = count(reduced);
    if (tokens <= maxTokens) {
      const keptSections = kept.map((entry) => entry.section);
      return { text: reduced, tokens, truncated: true, dropped, needsMapReduce: false, sections: keptSections };
    }
  }
  const keptSections = kept.map((entry) => entry.section);
  const chunks = chunkSections(keptSections, maxTokens, count);
  const cut = cutToBudget(joinSections(keptSections), maxTokens, count);
  return { ...cut, truncated: true, dropped, needsMapReduce: true, chunks, sections: keptSections };
}

// --- internal ---

function dropOrder(sections: Section[]): Section[] {
  const references = sections.filter((section) => section.kind === 'references');
  const appendices = sections.filter((section) => section.kind === 'appendix').reverse();
  const byPriority = DROP_PRIORITY.flatMap((pattern) =>
    sections.filter((section) => section.kind === 'body' && pattern.test(section.heading)),
  );
  return [...new Set([...references, ...appendices, ...byPriority])];
}

function joinSections(sections: Section[]): string {
  return sections.map((section) => section.text).join('\n');
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Packs whole sections into chunks; a section larger than the budget is split at paragraphs, then lines. */
function chunkSections(sections: Section[], maxTokens: number, count: (text: string) => number): string[] {
  const pieces = sections.flatMap((section) => splitToFit(section.text, maxTokens, count));
  const chunks: string[] = [];
  let current: string[] = [];
  let currentTokens = 0;
  for (const piece of pieces) {
    const tokens = count(piece);
    if (current.length > 0 && currentTokens + tokens > maxTokens) {
      chunks.push(current.join('\n'));
      current = [];
      currentTokens = 0;
    }
    current.push(piece);
    currentTokens += tokens;
  }
  if (current.length > 0) chunks.push(current.join('\n'));
  // Token counts of joined pieces can differ from their sum by a token or two at the seams.
  return chunks.flatMap((chunk) => (count(chunk) <= maxTokens ? [chunk] : splitToFit(chunk, maxTokens, count)));
}

/** Splits text at blank lines, then at lines, then at characters, until every piece fits. */
function splitToFit(text: string, maxTokens: number, count: (text: string) => number): string[] {
  if (count(text) <= maxTokens) return [text];
  for (const separator of ['\n\n', '\n']) {
    const parts = text.split(separator);
    if (parts.length > 1) {
      const middle = Math.ceil(parts.length / 2);
      return [
        ...splitToFit(parts.slice(0, middle).join(separator), maxTokens, count),
        ...splitToFit(parts.slice(middle).join(separator), maxTokens, count),
      ];
    }
  }
  const middle = Math.ceil(text.length / 2);
  return [...splitToFit(text.slice(0, middle), maxTokens, count), ...splitToFit(text.slice(middle), maxTokens, count)];
}

/** The longest prefix, at a line end, that fits. */
function cutToBudget(text: string, maxTokens: number, count: (text: string) => number): { text: string; tokens: number } {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (count(text.slice(0, middle)) <= maxTokens) low = middle;
    else high = middle - 1;
  }
  const lineEnd = text.lastIndexOf('\n', low);
  const cut = text.slice(0, lineEnd > 0 ? lineEnd : low);
  return { text: cut, tokens: count(cut) };
}
