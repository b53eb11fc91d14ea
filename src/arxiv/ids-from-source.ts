import type { ArxivId } from './parse-arxiv-id.js';

/** The IDs a source gave, and one line per entry that did not hold a usable arXiv ID. */
export type IdsFromSource = { ids: ArxivId[]; problems: string[] };
