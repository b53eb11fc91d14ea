// Times what readers' own copies add to a night and a send, in process: ranking every reader's copy (rankForReaders)
// and rendering each reader's email (renderEmailEdition with their picks), on the learn tests' topic papers.
// npx tsx scripts/bench-reader-copies.ts [--readers 1000] [--candidates 40] [--top 10] [--copies 200]
import { parseArgs } from 'node:util';
import type { PaperMetadata } from '../src/brief/brief-schema.js';
import type { Edition } from '../src/edition/edition.js';
import { renderEmailEdition } from '../src/mail/render-email-edition.js';
import { rankForReaders } from '../src/night/rank-for-readers.js';
import type { ReaderProfileEntry } from '../src/readers/read-reader-profiles.js';
import { TOPIC_PAPERS } from '../test/helpers/learn-papers.js';
import { makeSampleBrief } from '../test/helpers/sample-brief.js';
import { readPositive } from './bench-support.js';

const { values } = parseArgs({ options: { readers: { type: 'string', default: '1000' }, candidates: { type: 'string', default: '40' }, top: { type: 'string', default: '10' }, copies: { type: 'string', default: '200' } } });
const readerCount = readPositive('--readers', values.readers);
const candidateCount = readPositive('--candidates', values.candidates);
const top = readPositive('--top', values.top);
const copyCount = readPositive('--copies', values.copies);

const topics = Object.values(TOPIC_PAPERS).flat();
const candidates: PaperMetadata[] = Array.from({ length: candidateCount }, (_, index) => {
  const paper = topics[index % topics.length]!;
  const id = `2509.${String(30_001 + index)}`;
  return { id, version: 1, title: `${paper.title} (${index + 1})`, abstract: paper.abstract, authors: paper.authors, published: '2025-09-10T00:00:00Z', updated: '2025-09-10T00:00:00Z', primaryCategory: 'cs.LG', categories: ['cs.LG'], absUrl: `https://arxiv.org/abs/${id}v1`, pdfUrl: `https://arxiv.org/pdf/${id}v1` };
});
// Each reader votes on a third of the topic papers, a different third for each, one vote in four a 👎.
const readers: ReaderProfileEntry[] = Array.from({ length: readerCount }, (_, index) => ({
  address: `reader${index}@example.org`,
  profile: { votes: topics.filter((_, position) => (position + index) % 3 === 0).map((paper, position) => ({ paper, vote: position % 4 === 0 ? ('down' as const) : ('up' as const), at: '2025-09-01T00:00:00Z' })), library: [], never: [], follow: [] },
}));

let started = performance.now();
const copies = rankForReaders(candidates, undefined, readers, { date: '2025-09-10', top, now: new Date('2025-09-10T06:00:00Z'), halfLifeDays: 90 });
console.log(`ranked ${readerCount} readers' copies of ${candidateCount} candidates (top ${top}): ${Math.round(performance.now() - started)} ms`);

// Each brief with its own flowchart object, as a stored edition has.
const edition: Edition = { date: '2025-09-10', papers: candidates.map((paper) => ({ brief: structuredClone(makeSampleBrief({ paper })) })) };
const rendered = [...copies.values()].slice(0, copyCount);
started = performance.now();
renderEmailEdition(edition, { publicUrl: 'https://news.example.org/brief' });
console.log(`rendered the shared email: ${Math.round(performance.now() - started)} ms`);
started = performance.now();
for (const picks of rendered) renderEmailEdition(edition, { publicUrl: 'https://news.example.org/brief', copy: { picks } });
console.log(`rendered ${rendered.length} readers' own emails: ${((performance.now() - started) / rendered.length).toFixed(1)} ms each`);
