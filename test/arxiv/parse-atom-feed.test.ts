import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArxivApiError } from '../../src/arxiv/arxiv-api-error.js';
import { parseAtomFeed } from '../../src/arxiv/parse-atom-feed.js';
import { FIXTURES_DIR, hasFixtures } from '../helpers/fixtures.js';

const FEED_START = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>`;

const ONE_ENTRY = `${FEED_START}
  <entry>
    <id>http://arxiv.org/abs/2509.08721v2</id>
    <updated>2025-09-12T09:00:00Z</updated>
    <published>2025-09-10T17:59:59Z</published>
    <title>Sharp   Bounds for
      Things &amp; Stuff</title>
    <summary>  First line of the abstract
second line.
</summary>
    <author><name>Ada Lovelace</name></author>
    <author><name>Alan Turing</name><arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Manchester</arxiv:affiliation></author>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>`;

describe('parseAtomFeed', () => {
  it('reads an entry into metadata', () => {
    expect(parseAtomFeed(ONE_ENTRY)).toEqual({
      totalResults: 1,
      entries: [
        {
          id: '2509.08721',
          version: 2,
          title: 'Sharp Bounds for Things & Stuff',
          authors: ['Ada Lovelace', 'Alan Turing'],
          published: '2025-09-10T17:59:59Z',
          updated: '2025-09-12T09:00:00Z',
          primaryCategory: 'cs.LG',
          categories: ['cs.LG', 'stat.ML'],
          abstract: 'First line of the abstract second line.',
          absUrl: 'https://arxiv.org/abs/2509.08721v2',
          pdfUrl: 'https://arxiv.org/pdf/2509.08721v2',
        },
      ],
    });
  });

  it('keeps a numeric-looking title as text', () => {
    const feed = parseAtomFeed(ONE_ENTRY.replace(/<title>[\s\S]*?<\/title>/, '<title>1984</title>'));
    expect(feed.entries[0]?.title).toBe('1984');
  });

  it('drops bidi controls (U+202A–U+202E, U+2066–U+2069) and other invisible characters from title, authors and abstract', () => {
    const hostile = ONE_ENTRY.replace(/<title>[\s\S]*?<\/title>/, '<title>Safe \u202Etxt.exe\u202C Title\u2066x\u2069</title>')
      .replace('Ada Lovelace', 'Ada\u202A Love\u200Blace\u0007')
      .replace('second line.', 'second \u2067line\u2068.\u202B\u202D');
    const [entry] = parseAtomFeed(hostile).entries;
    expect(entry?.title).toBe('Safe txt.exe Titlex');
    expect(entry?.authors[0]).toBe('Ada Lovelace');
    expect(entry?.abstract).toBe('First line of the abstract second line.');
  });

  it('reads an empty feed', () => {
    expect(parseAtomFeed(FEED_START.replace('>1<', '>0<') + '\n</feed>')).toEqual({ totalResults: 0, entries: [] });
  });

  it("turns the API's error feed into ArxivApiError carrying its message", () => {
    const errorFeed = `${FEED_START}
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345</summary>
    <updated>2025-09-11T00:00:00-04:00</updated>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>`;
    expect(() => parseAtomFeed(errorFeed)).toThrow(ArxivApiError);
    expect(() => parseAtomFeed(errorFeed)).toThrow('the arXiv API reported an error: incorrect id format for 1234.12345');
  });

  it('refuses an entry missing what the metadata needs', () => {
    const withoutTitle = ONE_ENTRY.replace(/<title>[\s\S]*?<\/title>/, '<title>  </title>');
    expect(() => parseAtomFeed(withoutTitle)).toThrow(/entry for 2509\.08721 is incomplete \(title:/);
  });

  it('refuses what is not a feed', () => {
    expect(() => parseAtomFeed('<html><body>Rate limited</body></html>')).toThrow(ArxivApiError);
    expect(() => parseAtomFeed('<html><body>Rate limited</body></html>')).toThrow('not an Atom feed');
    expect(() => parseAtomFeed('<html><body>Rate limited</body></html>')).toThrow('the answer is not an Atom feed: "Rate limited"');
  });
});

describe.skipIf(!hasFixtures)('parseAtomFeed on a real arXiv answer', () => {
  const feed = hasFixtures ? parseAtomFeed(readFileSync(`${FIXTURES_DIR}/arxiv/arxiv_api_search_all_science_10.xml`, 'utf8')) : undefined;

  it('reads all ten entries and the total', () => {
    expect(feed?.totalResults).toBe(120839);
    expect(feed?.entries).toHaveLength(10);
  });

  it('reads old-style IDs and multi-line titles', () => {
    const quantum = feed?.entries.find((entry) => entry.id === 'quant-ph/0210005');
    expect(quantum).toMatchObject({
      version: 1,
      primaryCategory: 'quant-ph',
      absUrl: 'https://arxiv.org/abs/quant-ph/0210005v1',
      pdfUrl: 'https://arxiv.org/pdf/quant-ph/0210005v1',
    });
    const report = feed?.entries.find((entry) => entry.id === '1503.01162');
    expect(report?.title).toBe(
      "Report on a Boston University Conference December 7-8, 2012 on 'How Can the History and Philosophy of Science Contribute to Contemporary U.S. Science Teaching?'",
    );
    expect(report?.primaryCategory).toBe('physics.ed-ph');
    expect(report?.abstract).not.toMatch(/\n|\s{2}/);
  });

  it('reads authors and categories', () => {
    const first = feed?.entries[0];
    expect(first).toMatchObject({
      id: '1501.05039',
      authors: ['Yangyong Zhu', 'Yun Xiong'],
      categories: ['cs.DB', 'cs.CY'],
      published: '2015-01-21T02:41:55Z',
    });
  });

  it('reads the comment, journal reference and DOI, and leaves them out when absent', () => {
    const report = feed?.entries.find((entry) => entry.id === '1503.01162');
    expect(report).toMatchObject({
      comment: 'Conference funded by NSF grant REESE-1205273. 31 pages',
      journalRef: 'Science & Education, September 2014, 23(9): 1853-1873',
      doi: '10.1007/s11191-014-9716-8',
    });
    const quantum = feed?.entries.find((entry) => entry.id === 'quant-ph/0210005');
    expect(quantum?.comment).toBe('6 pages, invited contribution to QCMC 2002, a considerably abbreviated version of quant-ph/0208078');
    expect(quantum).not.toHaveProperty('doi');
    expect(quantum).not.toHaveProperty('journalRef');
  });
});
