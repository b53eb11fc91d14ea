import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSearchDataWriter } from '../../src/archive/create-search-data-writer.js';
import { buildEditionRecord } from '../../src/archive/edition-record.js';
import { renderArchiveIndex, toArchiveIndexEntry } from '../../src/archive/render-archive-index.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

const [retrieval, nowcasting, entanglement] = makeSampleBriefs();
const brief = makeSampleBrief();
const NEWER = buildEditionRecord({ date: '2025-01-21', papers: [{ brief: retrieval! }, { brief: entanglement! }] });
const OLDER = buildEditionRecord({ date: '2025-01-20', papers: [{ brief: nowcasting! }, { brief: retrieval! }, ...Array.from({ length: 3 }, () => ({ brief }))] });

describe('renderArchiveIndex', () => {
  it('lists every edition in the given order with its size and first three titles, under the search box and its scripts', () => {
    const html = renderArchiveIndex([NEWER, OLDER].map(toArchiveIndexEntry));
    expect(html).toContain('<p class="muted">2 editions</p>');
    expect(html).toContain('<input type="search" id="search-input" name="q"');
    expect(html.indexOf('<strong>2025-01-21</strong>')).toBeLessThan(html.indexOf('<strong>2025-01-20</strong>'));
    expect(html).toContain('<li><a href="digests/2025-01-21.html"><strong>2025-01-21</strong></a> <span class="muted">· 2 papers</span><ul><li><a href="papers/2501.01234v2.html">');
    expect(html).toContain('<li><a href="digests/2025-01-20.html">and 2 more</a></li>');
    expect(html).toMatch(/<script src="assets\/minisearch\.js"><\/script>\n<script src="assets\/search-data\.js"><\/script>\n<script src="assets\/archive-search\.js"><\/script>/);
  });

  it('says so when there is no edition yet', () => {
    expect(renderArchiveIndex([])).toContain('<p>No editions yet.</p>');
  });
});

describe('createSearchDataWriter', () => {
  it('keeps each paper once, with its newest edition, and only the searchable fields', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'search-data-'));
    const path = join(folder, 'assets', 'search-data.js');
    const writer = await createSearchDataWriter(path);
    await writer.add(NEWER);
    await writer.add(OLDER);
    await writer.commit();
    const script = await readFile(path, 'utf8');
    await rm(folder, { recursive: true, force: true });
    const documents = JSON.parse(script.replace(/^window\.arxivBriefSearchData = /, '').replace(/;\n$/, '')).documents;
    expect(documents.map((document: { stem: string; date: string }) => `${document.stem} ${document.date}`)).toEqual([
      '2501.01234v2 2025-01-21',
      'hep-th_9108004v1 2025-01-21',
      '2501.05678v1 2025-01-20',
    ]);
    expect(documents[2]).toEqual({
      stem: '2501.05678v1',
      title: 'Calibrated Uncertainty for Weather Nowcasting with Diffusion Ensembles',
      authors: 'Emmy Noether, John von Neumann',
      summary: expect.stringContaining('isotonic recalibration'),
      critique: expect.stringContaining('Clear ablations over the number of experts.'),
      date: '2025-01-20',
    });
  });
});
