import { describe, expect, it } from 'vitest';
import { parseAnnouncementFeed } from '../../src/arxiv/parse-announcement-feed.js';
import { SourceError } from '../../src/arxiv/source-error.js';

const URL = 'https://rss.arxiv.org/rss/cs.LG';

function feed(items: string, pubDate = 'Thu, 11 Sep 2025 00:00:00 -0400'): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
<channel>
<title>cs.LG updates on arXiv.org</title>
<description>cs.LG updates on the arXiv.org e-print archive.</description>
<pubDate>${pubDate}</pubDate>
${items}
</channel>
</rss>`;
}

const item = (id: string, type: string, categories = ['cs.LG']) => `<item>
<title>Paper ${id} &amp; friends</title>
<link>https://arxiv.org/abs/${id}</link>
<description>arXiv:${id} Announce Type: ${type} 
Abstract: We study things.</description>
${categories.map((category) => `<category>${category}</category>`).join('\n')}
<arxiv:announce_type>${type}</arxiv:announce_type>
<dc:creator>Ada Lovelace, Alan Turing</dc:creator>
</item>`;

describe('parseAnnouncementFeed', () => {
  it('reads ID, version, announce type, authors and categories of each item, and the day of the announcement', () => {
    const parsed = parseAnnouncementFeed(feed([item('2509.08721v1', 'new', ['cs.LG', 'cs.AI']), item('2508.00001v3', 'replace-cross'), item('2509.08000v1', 'cross')].join('\n')), URL);

    expect(parsed.date).toBe('2025-09-11');
    expect(parsed.papers).toEqual([
      { id: '2509.08721', version: 1, announceType: 'new', title: 'Paper 2509.08721v1 & friends', authors: 'Ada Lovelace, Alan Turing', categories: ['cs.LG', 'cs.AI'] },
      { id: '2508.00001', version: 3, announceType: 'replace-cross', title: 'Paper 2508.00001v3 & friends', authors: 'Ada Lovelace, Alan Turing', categories: ['cs.LG'] },
      { id: '2509.08000', version: 1, announceType: 'cross', title: 'Paper 2509.08000v1 & friends', authors: 'Ada Lovelace, Alan Turing', categories: ['cs.LG'] },
    ]);
  });

  it('takes the day as arXiv wrote it, not converted to UTC', () => {
    expect(parseAnnouncementFeed(feed('', 'Mon, 1 Dec 2025 23:30:00 -0500'), URL).date).toBe('2025-12-01');
  });

  it('reads an empty channel (weekend) with its description', () => {
    const parsed = parseAnnouncementFeed(feed(''), URL);
    expect(parsed.papers).toEqual([]);
    expect(parsed.description).toBe('cs.LG updates on the arXiv.org e-print archive.');
  });

  it('skips an odd item with the reason (unknown announce type, malformed ID, no description), keeping the others', () => {
    const odd = [
      item('2509.08721v1', 'new'),
      item('2509.08722v1', 'no_match'),
      '<item><title>x</title><description>no id here</description></item>',
      item('25O9.0872v1', 'new'),
      item('2509.08723v1', 'cross'),
    ].join('\n');
    const parsed = parseAnnouncementFeed(feed(odd), URL);
    expect(parsed.papers.map((paper) => paper.id)).toEqual(['2509.08721', '2509.08723']);
    expect(parsed.skipped).toEqual([
      expect.stringMatching(/^item 2 \(2509\.08722\): unknown announce type "no_match"/),
      expect.stringMatching(/^item 3: no "arXiv:<id>v<n> Announce Type:" description/),
      expect.stringMatching(/^item 4: /),
    ]);
  });

  it('refuses a feed that is not well-formed XML, such as one cut after its third item', () => {
    const full = feed([1, 2, 3, 4, 5].map((index) => item(`2509.0872${index}v1`, 'new')).join('\n'));
    const cut = full.slice(0, full.indexOf('</item>', full.indexOf('</item>', full.indexOf('</item>') + 1) + 1) + '</item>'.length);
    expect(() => parseAnnouncementFeed(cut, URL)).toThrow(SourceError);
    expect(() => parseAnnouncementFeed(cut, URL)).toThrow(/is not well-formed XML .*\(cut short\?\)/);
  });

  it('gives no date when the pubDate is missing or unreadable', () => {
    expect(parseAnnouncementFeed(feed('', 'sometime soon'), URL).date).toBeNull();
  });

  it('refuses what is not an RSS feed', () => {
    expect(() => parseAnnouncementFeed('<html><body>Service unavailable</body></html>', URL)).toThrow(/not an RSS 2\.0 feed/);
  });
});
