import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CorpusPaper } from './corpus-paper.js';

/**
 * A JSONL corpus: the file `fetch-learn-corpus.ts` writes, or arXiv's Kaggle metadata snapshot (authors one
 * string, `categories` space-separated, the first the primary), keeping at most `perCategory` papers of each
 * of `categories`.
 */
export async function readCorpus(path: string, categories: readonly string[], perCategory: number): Promise<CorpusPaper[]> {
  const wanted = new Set(categories);
  const papers: CorpusPaper[] = [];
  const counts = new Map<string, number>();
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const paper = toCorpusPaper(parseLine(line, `${path}:${lineNumber}`), `${path}:${lineNumber}`);
    const count = counts.get(paper.category) ?? 0;
    if (!wanted.has(paper.category) || count >= perCategory) continue;
    counts.set(paper.category, count + 1);
    papers.push(paper);
  }
  return papers;
}

// --- internal ---

function parseLine(line: string, where: string): Record<string, unknown> {
  try {
    const record: unknown = JSON.parse(line);
    if (typeof record === 'object' && record !== null && !Array.isArray(record)) return record as Record<string, unknown>;
  } catch {
    // Told below, with where.
  }
  throw new Error(`${where}: not a JSON object (a corpus is JSON Lines, one paper a line)`);
}

function toCorpusPaper(record: Record<string, unknown>, where: string): CorpusPaper {
  const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');
  const id = text(record.id);
  const category = text(record.category) || text(record.categories).split(' ')[0] || '';
  const authors = Array.isArray(record.authors)
    ? record.authors.filter((author): author is string => typeof author === 'string')
    : text(record.authors).split(/,\s*|\s+and\s+/).filter((author) => author !== '');
  if (id === '' || category === '' || text(record.title) === '') throw new Error(`${where}: a corpus line needs id, title and category (or categories)`);
  return { id, title: text(record.title), abstract: text(record.abstract), authors, category };
}
