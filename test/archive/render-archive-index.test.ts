import { describe, expect, it } from 'vitest';
import { buildEditionRecord } from '../../src/edition/edition-record.js';
import { groupByYear, renderArchiveIndex, renderArchiveYearPage, toArchiveIndexEntry } from '../../src/archive/render-archive-index.js';
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
    expect(html).toContain('<button type="button" id="search-more" hidden>Show more</button>');
    expect(html).toMatch(/<script src="assets\/search\/manifest\.js"><\/script>\n<script src="assets\/archive-search\.js\?v=[0-9a-f]{12}"><\/script>/);
  });

  it('shows the newest year\'s editions and links each earlier year\'s page, which lists that year\'s editions', () => {
    const lastYear = buildEditionRecord({ date: '2024-12-31', papers: [{ brief: nowcasting! }] });
    const twoYearsAgo = buildEditionRecord({ date: '2023-06-01', papers: [{ brief: entanglement! }] });
    const entries = [NEWER, OLDER, lastYear, twoYearsAgo].map(toArchiveIndexEntry);

    const html = renderArchiveIndex(entries);

    expect(html).toContain('<strong>2025-01-20</strong>');
    expect(html).not.toContain('<strong>2024-12-31</strong>');
    expect(html).toContain('<h2>Earlier years</h2>\n<ul class="years"><li><a href="archive/2024.html">2024</a> <span class="muted">· 1 edition</span></li><li><a href="archive/2023.html">2023</a>');
    const year = renderArchiveYearPage('2024', groupByYear(entries).find(([name]) => name === '2024')![1]);
    expect(year).toContain('<li><a href="../digests/2024-12-31.html"><strong>2024-12-31</strong></a>');
    expect(year).toContain(`<a href="../papers/${nowcasting!.paper.id}v${nowcasting!.paper.version}.html">`);
    expect(year).not.toContain('2025-01-21');
  });

  it('says so when there is no edition yet', () => {
    expect(renderArchiveIndex([])).toContain('<p>No editions yet.</p>');
  });
});
