import { formatArxivId } from './format-arxiv-id.js';

/** A file name without extension for one version of a paper: `2509.08721v2`, `hep-th_9108004v1`. */
export function toFileStem(id: string, version: number): string {
  return formatArxivId({ id, version }).replace('/', '_');
}

/** What the file names of every version of a paper start with: `2509.08721`, `hep-th_9108004`. */
export function toPaperFileStem(id: string): string {
  return formatArxivId({ id, version: null }).replace('/', '_');
}

/** The stem a paper's file name starts with (`2509.08721v2.flowchart.png` → `2509.08721v2`), and its parts; undefined for any other file. */
export function readFileStem(fileName: string): { stem: string; paperStem: string; version: number; rest: string } | undefined {
  const match = FILE_STEM.exec(fileName);
  if (!match) return undefined;
  const [, stem, paperStem, version, rest] = match;
  return { stem: stem!, paperStem: paperStem!, version: Number(version), rest: rest! };
}

// --- internal ---

// `<paper stem>v<version>.` and the rest of the name: `hep-th_9108004v1.blurb.de.json`.
const FILE_STEM = /^((.*?)v(\d+))(\..*)$/;
