import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderArchiveFeeds } from '../../src/archive/render-archive-feeds.js';
import { buildEditionRecord, type EditionRecord } from '../../src/edition/edition-record.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

const BASE = 'https://example.org/briefs';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
// The members JSON Feed 1.1 defines (https://www.jsonfeed.org/version/1.1/); `author` is its deprecated 1.0 form, kept for 1.0 readers.
const JSON_FEED_TOP_LEVEL = new Set(['version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'authors', 'author', 'language', 'expired', 'hubs', 'items']);
const JSON_FEED_ITEM = new Set(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'author', 'tags', 'language', 'attachments']);

function makeRecords(): EditionRecord[] {
  const [first, second, third] = makeSampleBriefs();
  return [
    buildEditionRecord({ date: '2025-01-20', papers: [{ brief: second! }] }),
    buildEditionRecord({ date: '2025-01-21', papers: [{ brief: first!, reason: 'matches: retrieval' }, { brief: third! }] }),
  ];
}

describe('renderArchiveFeeds', () => {
  it('writes Atom with one entry per edition, newest first, linking the web edition and each paper page', () => {
    const atom = parser.parse(renderArchiveFeeds(makeRecords(), { baseUrl: BASE }).atom).feed;
    expect(atom.updated).toBe('2025-01-21T06:00:00.000Z');
    expect(atom.entry.map((entry: { link: { href: string } }) => entry.link.href)).toEqual([`${BASE}/digests/2025-01-21.html`, `${BASE}/digests/2025-01-20.html`]);
    expect(atom.entry[0].title['#text']).toBe('2025-01-21: 2 papers, led by Sparse Experts for Long-Context Retrieval');
    expect(atom.entry[0].content['#text']).toContain(`<a href="${BASE}/papers/2501.01234v2.html"><strong>Sparse Experts for Long-Context Retrieval</strong></a>`);
    expect(atom.entry[0].content['#text']).toContain('<em>Why picked:</em> matches: retrieval');
  });

  it('writes RSS 2.0 and JSON Feed with the same items', () => {
    const feeds = renderArchiveFeeds(makeRecords(), { baseUrl: BASE });
    const rss = parser.parse(feeds.rss).rss;
    expect(rss.version).toBe('2.0');
    expect(rss.channel.item.map((item: { link: string }) => item.link)).toEqual([`${BASE}/digests/2025-01-21.html`, `${BASE}/digests/2025-01-20.html`]);
    expect(rss.channel.lastBuildDate).toBe('Tue, 21 Jan 2025 06:00:00 GMT');
    const json = JSON.parse(feeds.json);
    expect(json.feed_url).toBe(`${BASE}/feed.json`);
    expect(json.items.map((item: { url: string }) => item.url)).toEqual([`${BASE}/digests/2025-01-21.html`, `${BASE}/digests/2025-01-20.html`]);
  });

  it('writes JSON Feed 1.1: its version, an `authors` array and the language, and only fields the 1.1 spec defines', () => {
    const json = JSON.parse(renderArchiveFeeds(makeRecords(), { baseUrl: BASE }).json);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.authors).toEqual([{ name: 'arxiv-brief' }]);
    expect(json.language).toBe('en');
    expect(json.title).toEqual(expect.any(String));
    expect(Object.keys(json).filter((key) => !JSON_FEED_TOP_LEVEL.has(key) && !key.startsWith('_'))).toEqual([]);
    for (const item of json.items) {
      expect(Object.keys(item).filter((key) => !JSON_FEED_ITEM.has(key) && !key.startsWith('_'))).toEqual([]);
      expect(item.id).toEqual(expect.any(String));
      // An item has content_html or content_text; its dates are RFC 3339.
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
      for (const date of [item.date_published, item.date_modified]) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    }
  });

  it('keeps the newest editions up to the limit, lists at most 30 papers per item, and gives the same bytes for the same editions', () => {
    const brief = makeSampleBrief();
    const many = buildEditionRecord({ date: '2025-01-22', papers: Array.from({ length: 35 }, () => ({ brief })) });
    const records = [...makeRecords(), many];
    const atom = renderArchiveFeeds(records, { baseUrl: BASE, limit: 2 }).atom;
    const entries = parser.parse(atom).feed.entry;
    expect(entries.map((entry: { title: { '#text': string } }) => entry.title['#text'])).toEqual(['2025-01-22: 35 papers, led by Sparse Experts for Long-Context Retrieval', '2025-01-21: 2 papers, led by Sparse Experts for Long-Context Retrieval']);
    expect(entries[0].content['#text'].match(/<li>/g)).toHaveLength(30);
    expect(entries[0].content['#text']).toContain('and 5 more papers in the edition');
    expect(renderArchiveFeeds(structuredClone(records), { baseUrl: BASE, limit: 2 }).atom).toBe(atom);
  });

  it('keeps a hostile title inert in every format', () => {
    const hostile = makeSampleBrief({ paper: { title: '<img src=x onerror=alert(1)>]]>' } });
    const feeds = renderArchiveFeeds([buildEditionRecord({ date: '2025-01-21', papers: [{ brief: hostile }] })], { baseUrl: BASE });
    for (const text of [feeds.atom, feeds.rss]) {
      expect(text).not.toContain('<img src=x');
      expect(parser.parse(text)).toBeTruthy();
    }
    const item = JSON.parse(feeds.json).items[0];
    expect(item.content_html).toContain('&lt;img src=x onerror=alert(1)&gt;]]&gt;');
    // Plain text in JSON Feed's summary, HTML-escaped in the XML formats.
    expect(item.summary).toBe('1 paper: <img src=x onerror=alert(1)>]]>');
    expect(item.title).toBe('2025-01-21: 1 paper, led by <img src=x onerror=alert(1)>]]>');
    expect(parser.parse(feeds.atom).feed.entry.summary['#text']).toBe('1 paper: &lt;img src=x onerror=alert(1)&gt;]]&gt;');
  });

  it('dates each entry by its edition and titles it so a reader can tell the editions apart', () => {
    const feeds = renderArchiveFeeds(makeRecords(), { baseUrl: BASE });
    const entries = parser.parse(feeds.atom).feed.entry;
    expect(entries.map((entry: { published: string }) => entry.published)).toEqual(['2025-01-21T00:00:00.000Z', '2025-01-20T00:00:00.000Z']);
    expect(entries[0].title['#text']).toBe('2025-01-21: 2 papers, led by Sparse Experts for Long-Context Retrieval');
    expect(entries[1].title['#text']).toBe('2025-01-20: 1 paper, led by Calibrated Uncertainty for Weather Nowcasting with Diffusion Ensembles');
    const json = JSON.parse(feeds.json);
    expect(json.items.map((item: { date_published: string }) => item.date_published)).toEqual(['2025-01-21T00:00:00.000Z', '2025-01-20T00:00:00.000Z']);
    expect(parser.parse(feeds.rss).rss.channel.item[0].pubDate).toBe('Tue, 21 Jan 2025 00:00:00 GMT');
  });

  it('without a public URL links relatively, never to a path of this machine', () => {
    const feeds = renderArchiveFeeds(makeRecords(), {});
    for (const text of [feeds.atom, feeds.rss, feeds.json]) expect(text).not.toMatch(/file:|\/tmp\/|\/home\//);
    expect(parser.parse(feeds.atom).feed.entry[0].link.href).toBe('digests/2025-01-21.html');
    expect(parser.parse(feeds.atom).feed.entry[0].content['#text']).toContain('<a href="papers/2501.01234v2.html">');
    expect(JSON.parse(feeds.json).items[0].url).toBe('digests/2025-01-21.html');
  });

  it('keeps the same ids when a public URL is set later', () => {
    const ids = (baseUrl?: string) => {
      const feeds = renderArchiveFeeds(makeRecords(), baseUrl === undefined ? {} : { baseUrl });
      const atom = parser.parse(feeds.atom).feed;
      return {
        feed: atom.id,
        atom: atom.entry.map((entry: { id: string }) => entry.id),
        rss: parser.parse(feeds.rss).rss.channel.item.map((item: { guid: { '#text': string } }) => item.guid['#text']),
        json: JSON.parse(feeds.json).items.map((item: { id: string }) => item.id),
      };
    };
    const before = ids();
    expect(ids(BASE)).toEqual(before);
    expect(before.atom).toEqual(before.json);
    expect(new Set(before.atom).size).toBe(2);
  });
});
