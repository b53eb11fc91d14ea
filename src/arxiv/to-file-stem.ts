import { formatArxivId } from './format-arxiv-id.js';

/** A file name without extension for one version of a paper: `2509.08721v2`, `hep-th_9108004v1`. */
export function toFileStem(id: string, version: number): string {
  return formatArxivId({ id, version }).replace('/', '_');
}
