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

  it('skips one odd item (unknown announce type, malformed ID, no ID) with a warning naming it, and keeps the rest', () => {
    const parsed = parseAnnouncementFeed(
      feed(
        [
          item('2509.08721v1', 'new'),
          item('2509.08722v1', 'no_match'),
          item('2509.1000lv1', 'new'),
          '<item><title>x</title><description>no id here</description></item>',
          item('2509.08723v1', 'cross'),
        ].join('\n'),
      ),
      URL,
    );
    expect(parsed.papers.map((paper) => paper.id)).toEqual(['2509.08721', '2509.08723']);
    expect(parsed.warnings).toHaveLength(3);
    expect(parsed.warnings[0]).toMatch(/skipped item 2 \(2509\.08722\) of https:\/\/rss\.arxiv\.org\/rss\/cs\.LG has an unknown announce type "no_match"/);
    expect(parsed.warnings[1]).toMatch(/skipped item 3 of .*2509\.1000l/);
    expect(parsed.warnings[2]).toMatch(/skipped item 4 of .*no "arXiv:<id>v<n> Announce Type:" description/);
  });

  it('refuses a feed cut short (after its third </item>) instead of reading a 3-paper day', () => {
    const whole = feed([1, 2, 3, 4].map((index) => item(`2509.0872${index}v1`, 'new')).join('\n'));
    const cut = whole.slice(0, whole.split('</item>', 3).join('</item>').length + '</item>'.length);
    expect(() => parseAnnouncementFeed(cut, URL)).toThrow(SourceError);
    expect(() => parseAnnouncementFeed(cut, URL)).toThrow(/is not well-formed XML/);
  });

  it('refuses what is not an RSS feed', () => {
    expect(() => parseAnnouncementFeed('<html><body>Service unavailable</body></html>', URL)).toThrow(/not an RSS 2\.0 feed/);
  });
});
