import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import type { StoredFigure } from './paper-figure.js';

/** A figure shown beside the paper's page: `file` is relative to `papers/`, where the page and its markdown live. */
export interface ShownFigure {
  number: number;
  caption: string;
  file: string;
}

/** Copies the picked figures from the cache to `papers/<id>v<n>.figures/`, in the order picked; a number the paper lacks is skipped. */
export async function placeFigures(outputDir: string, paper: Pick<PaperMetadata, 'id' | 'version'>, picked: number[], available: StoredFigure[], cacheFolder: string): Promise<ShownFigure[]> {
  const folderName = `${toFileStem(paper.id, paper.version)}.figures`;
  const shown: ShownFigure[] = [];
  for (const number of picked) {
    const figure = available.find((candidate) => candidate.number === number);
    if (!figure || shown.some((known) => known.number === number)) continue;
    await mkdir(join(outputDir, 'papers', folderName), { recursive: true });
    await copyFile(join(cacheFolder, figure.file), join(outputDir, 'papers', folderName, figure.file));
    shown.push({ number, caption: figure.caption, file: `${folderName}/${figure.file}` });
  }
  return shown;
}
