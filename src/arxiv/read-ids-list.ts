import { BriefError } from '../errors/brief-error.js';
import { dedupeArxivIds } from './dedupe-arxiv-ids.js';
import type { IdsFromSource, SourceProblem } from './ids-from-source.js';
import { parseArxivId, type ArxivId } from './parse-arxiv-id.js';

/**
 * Reads a list of papers, one ID or URL per line; `#` starts a comment, blank lines are skipped.
 * Invalid lines are reported by line number and left to the caller to judge; duplicates collapse.
 */
export function readIdsList(text: string): IdsFromSource {
  const ids: ArxivId[] = [];
  const problems: SourceProblem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const content = line.replace(/#.*$/, '').trim();
    if (content === '') return;
    try {
      ids.push(parseArxivId(content));
    } catch (error) {
      if (!(error instanceof BriefError)) throw error;
      problems.push({ entry: content, message: `line ${index + 1}: ${error.message}` });
    }
  });
  return { ids: dedupeArxivIds(ids), problems };
}
