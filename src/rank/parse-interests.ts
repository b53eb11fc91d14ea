import { parseArxivId, type ArxivId } from '../arxiv/parse-arxiv-id.js';

/** What an editor wants in the day's list, read from the interests file. */
export type Interests = {
  /** Topics in words, e.g. "retrieval over very long documents". */
  topics: string[];
  /** `+term`: papers that mention it rank higher. */
  boosts: string[];
  /** `-term`: papers that mention it are dropped. */
  excludes: string[];
  /** Example papers: their title and abstract join the profile. */
  examples: ArxivId[];
};

/** Reads the interests file: one entry a line (topic, `+term`, `-term` or an arXiv ID), `#` starts a comment. */
export function parseInterests(text: string): Interests {
  const interests: Interests = { topics: [], boosts: [], excludes: [], examples: [] };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    if (line.startsWith('+') && line.length > 1) interests.boosts.push(line.slice(1).trim());
    else if (line.startsWith('-') && line.length > 1) interests.excludes.push(line.slice(1).trim());
    else {
      const example = readArxivId(line);
      if (example) interests.examples.push(example);
      else interests.topics.push(line);
    }
  }
  return interests;
}

/** True when the file named nothing to rank or drop by. */
export function isEmptyInterests(interests: Interests): boolean {
  return interests.topics.length + interests.boosts.length + interests.excludes.length + interests.examples.length === 0;
}

// --- internal ---

// A topic such as "2509" or "graph neural networks" is words; only a whole-line ID is an example paper.
function readArxivId(line: string): ArxivId | null {
  if (/\s/.test(line)) return null;
  try {
    return parseArxivId(line);
  } catch {
    return null;
  }
}
