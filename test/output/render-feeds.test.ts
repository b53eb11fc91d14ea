import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/output/render-edition-html.js';
import { renderAtomFeed } from '../../src/output/render-atom-feed.js';
import { renderJsonFeed } from '../../src/output/render-json-feed.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> & "friends"';
const options = { siteUrl: 'https://example.org/briefs', feedUrl: 'https://example.org/briefs/feed.xml', title: 'arXiv Brief <daily>' };

function makeEditions(): Edition[] {
  return [
    { date: '2025-01-20', briefs: [makeSampleBrief({ paper: { title: HOSTILE_TITLE } })] },
    { date: '2025-01-21', briefs: makeSampleBriefs() },
    { date: '2025-01-19', briefs: [] },
  ];
}

function parseAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
}

describe('renderAtomFeed', () => {
  it('has the elements RFC 4287 requires on the feed and on every entry, newest edition first', () => {
    const feed = parseAtom(renderAtomFeed(makeEditions(), { ...options, updated: new Date('2025-01-22T07:00:00Z') }));
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(options.feedUrl);
    expect(feed.title).toBe('arXiv Brief <daily>');
    expect(feed.updated).toBe('2025-01-22T07:00:00.000Z');
    expect(feed.author.name).toBe('arxiv-brief');
    expect(feed.link.map((link: Record<string, string>) => link['@_rel'])).toEqual(['self', 'alternate']);

    expect(feed.entry.map((entry: { title: string }) => entry.title)).toEqual(['2025-01-21 Papers', '2025-01-20 Papers', '2025-01-19 Papers']);
    const [latest, , empty] = feed.entry;
    expect(latest.id).toBe('https://example.org/briefs/2025-01-21.html');
    expect(latest.link[0]['@_href']).toBe('https://example.org/briefs/2025-01-21.html');
    expect(latest.updated).toBe('2025-01-21T06:00:00.000Z');
    expect(latest.summary['#text']).toBe(
      '3 papers: Sparse Experts for Long-Context Retrieval; Calibrated Uncertainty for Weather Nowcasting with Diffusion Ensembles; A Toy Model of Boundary Entanglement',
    );
    expect(latest.content['@_type']).toBe('html');
    expect(latest.content['#text']).toContain('<a href="https://arxiv.org/abs/2501.01234v2"><strong>Sparse Experts for Long-Context Retrieval</strong></a>');
    expect(empty.summary['#text']).toBe('No papers.');
    expect(empty.updated).toBe('2025-01-19T00:00:00.000Z');
    for (const entry of feed.entry) expect(Date.parse(entry.updated)).not.toBeNaN();
  });

  it('escapes a hostile title twice over: XML text whose HTML content shows the title literally', () => {
    const xml = renderAtomFeed(makeEditions(), options);
    expect(xml).not.toContain('<img');
    const entry = parseAtom(xml).entry[1];
    expect(entry.summary['#text']).toBe(`1 paper: ${HOSTILE_TITLE}`);
    expect(entry.content['#text']).toContain('<strong>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;friends&quot;</strong>');
    expect(entry.content['#text']).not.toContain('<img');
  });

  it('defaults the feed date to the newest entry, keeps at most `limit` editions, and is byte-stable', () => {
    const xml = renderAtomFeed(makeEditions(), { ...options, limit: 2 });
    const feed = parseAtom(xml);
    expect(feed.updated).toBe('2025-01-21T06:00:00.000Z');
    expect(feed.entry).toHaveLength(2);
    expect(renderAtomFeed(makeEditions(), { ...options, limit: 2 })).toBe(xml);
    expect(parseAtom(renderAtomFeed([], options)).updated).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('renderJsonFeed', () => {
  it('is a JSON Feed 1.1 with items carrying id, url, title and content_html', () => {
    const feed = JSON.parse(renderJsonFeed(makeEditions(), options));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('arXiv Brief <daily>');
    expect(feed.feed_url).toBe(options.feedUrl);
    expect(feed.home_page_url).toBe(options.siteUrl);
    expect(feed.authors).toEqual([{ name: 'arxiv-brief' }]);
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual([
      'https://example.org/briefs/2025-01-21.html',
      'https://example.org/briefs/2025-01-20.html',
      'https://example.org/briefs/2025-01-19.html',
    ]);
    for (const item of feed.items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'url', 'title', 'content_html', 'date_modified']));
      expect(typeof item.content_html).toBe('string');
    }
    expect(feed.items[1].summary).toBe(`1 paper: ${HOSTILE_TITLE}`);
    expect(feed.items[1].content_html).not.toContain('<img');
    expect(feed.items[1].content_html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
