import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { OutputWriteError } from '../output/output-write-error.js';
import { SUMMARY_POINTS } from '../output/summary-points.js';
import type { EditionRecord } from './edition-record.js';

/** The name of the global `assets/search-data.js` assigns: a `<script src>` loads it where `fetch` of a local file fails. */
export const SEARCH_DATA_GLOBAL = 'arxivBriefSearchData';

/** One searchable brief: only the fields the search box matches or shows. */
export interface SearchDocument {
  stem: string;
  title: string;
  authors: string;
  summary: string;
  critique: string;
  /** The newest edition the paper appeared in. */
  date: string;
}

export interface SearchDataWriter {
  /** Adds the papers of an edition not seen yet; add editions newest first, so a paper keeps its newest date. */
  add(edition: EditionRecord): Promise<void>;
  /** Puts the finished file in place (atomically: a reader sees the old file or the whole new one). */
  commit(): Promise<void>;
  /** Removes the unfinished file. */
  abort(): Promise<void>;
}

/**
 * Streams `assets/search-data.js` (a script setting the global to `{ documents }`) to disk edition by edition,
 * so a year of editions never sits in memory: only the stems seen stay.
 */
export async function createSearchDataWriter(path: string): Promise<SearchDataWriter> {
  await mkdir(dirname(path), { recursive: true });
  const temporaryPath = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const stream = createWriteStream(temporaryPath);
  let failure: unknown;
  stream.on('error', (error) => (failure ??= error));
  const write = async (text: string) => {
    if (failure) throw new OutputWriteError(path, failure);
    if (!stream.write(text)) await drainedOrFailed(stream);
  };
  const seen = new Set<string>();
  // JSON is a JavaScript expression; the file is loaded by src, so no `</script>` can end it early.
  await write(`window.${SEARCH_DATA_GLOBAL} = {"documents":[`);
  return {
    async add(edition) {
      for (const paper of edition.papers) {
        if (seen.has(paper.stem)) continue;
        const document: SearchDocument = {
          stem: paper.stem,
          title: paper.title,
          authors: paper.authors.join(', '),
          summary: SUMMARY_POINTS.map(([key]) => paper.summary[key]).join(' '),
          critique: paper.critique,
          date: edition.date,
        };
        await write(`${seen.size > 0 ? ',' : ''}${JSON.stringify(document)}`);
        seen.add(paper.stem);
      }
    },
    async commit() {
      try {
        await write(']};\n');
        stream.end();
        await once(stream, 'close');
        if (failure) throw failure;
        await rename(temporaryPath, path);
      } catch (error) {
        await rm(temporaryPath, { force: true });
        throw error instanceof OutputWriteError ? error : new OutputWriteError(path, error);
      }
    },
    async abort() {
      stream.destroy();
      await rm(temporaryPath, { force: true });
    },
  };
}

// --- internal ---

// Waits for the buffer to empty, or for the error that means it never will; leaves no listener behind.
function drainedOrFailed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}
