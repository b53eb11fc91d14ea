import type { ArxivId } from './parse-arxiv-id.js';

/** An entry of a source that did not hold a usable arXiv ID: what it said, and why it was refused (with its line or item). */
export type SourceProblem = { entry: string; message: string };

/** The IDs a source gave, and one problem per entry that did not hold a usable arXiv ID. */
export type IdsFromSource = { ids: ArxivId[]; problems: SourceProblem[] };
