import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toFileStem } from '../arxiv/to-file-stem.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';

/** Embeddings already paid for: a paper's by ID, version and model; a topic's by its words and model. */
export type EmbeddingCache = {
  read(key: EmbeddingKey): Promise<number[] | null>;
  write(key: EmbeddingKey, vector: number[]): Promise<void>;
};

/** A paper version (its title and abstract never change), or a text such as a topic line. */
export type EmbeddingKey = { id: string; version: number } | { text: string };

/** The cache under `<cacheDir>/embeddings/<model>/`; a crash leaves no partial entry. */
export function createEmbeddingCache(cacheDir: string, model: string): EmbeddingCache {
  const folder = join(cacheDir, 'embeddings', model.replace(/[^\w.-]+/g, '_'));
  const pathOf = (key: EmbeddingKey) =>
    join(folder, 'text' in key ? `text-${createHash('sha256').update(key.text).digest('hex').slice(0, 32)}.json` : `${toFileStem(key.id, key.version)}.json`);
  return {
    async read(key) {
      try {
        const vector: unknown = JSON.parse(await readFile(pathOf(key), 'utf8'));
        return Array.isArray(vector) && vector.every((value) => typeof value === 'number') ? vector : null;
      } catch {
        return null;
      }
    },
    async write(key, vector) {
      await writeFileAtomic(pathOf(key), JSON.stringify(vector));
    },
  };
}
