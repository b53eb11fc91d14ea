import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishEdition } from '../../src/archive/publish-edition.js';
import { getEditionRecordPath } from '../../src/archive/edition-record-store.js';
import type { Edition } from '../../src/edition/edition.js';
import { getBriefPaths, writeBrief } from '../../src/output/brief-store.js';
import { openArchiveSearch } from '../helpers/open-archive-search.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';
import { toFileStem } from '../../src/arxiv/to-file-stem.js';
import { writeEmailEdition } from '../../src/mail/write-email-edition.js';

let outputDir: string;
let warnings: string[];
const warn = (message: string) => warnings.push(message);
const read = (path: string) => readFile(join(outputDir, path), 'utf8');

const [first, second, third] = makeSampleBriefs();
const OLD: Edition = { date: '2025-01-20', papers: [{ brief: first! }, { brief: second! }] };
const TODAY: Edition = { date: '2025-01-21', papers: [{ brief: third!, reason: 'matches: entanglement' }, { brief: first! }] };

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'publish-edition-'));
  warnings = [];
  for (const brief of [first!, second!, third!]) await writeBrief(outputDir, brief);
});
afterEach(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

// An edition published by a version without the archive: its index, briefs and an old page; no record, no paper pages.
async function publishBeforeTheArchive(edition: Edition): Promise<void> {
  await publishEdition(outputDir, edition, { warn });
  await rm(getEditionRecordPath(outputDir, edition.date));
  for (const { brief } of edition.papers) await rm(join(outputDir, 'papers', `${toFileStem(brief.paper.id, brief.paper.version)}.html`));
  await writeFile(join(outputDir, 'digests', `${edition.date}.html`), '<html>the old email-ready edition</html>');
}

describe('publishEdition', () => {
  it('names the search data\'s version in every URL of it, so a cache never mixes one publish\'s parts with another\'s manifest', async () => {
    const manifestVersion = async () => /<script src="assets\/search\/manifest\.js\?v=([0-9a-f]{12})"><\/script>/.exec(await read('index.html'))?.[1];
    await publishEdition(outputDir, OLD, { warn });
    const before = await manifestVersion();
    expect(before).toBeDefined();
    expect(await read('index.html')).toMatch(/<script src="assets\/archive-search\.js\?v=[0-9a-f]{12}"><\/script>/);
    expect(await read('assets/archive-search.js')).toContain("'assets/search/' + encodeURIComponent(manifest.version) + '/' + name + '.js'");

    await publishEdition(outputDir, TODAY, { warn });

    const after = await manifestVersion();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(await read('assets/search/manifest.js')).toMatch(/"version":"[0-9a-f]{12}"/);
  });

  it('publishes feeds without any path of this machine, and keeps their ids when a public URL is set later', async () => {
    const ids = async () => {
      const json = JSON.parse(await read('feed.json')) as { items: Array<{ id: string }> };
      return [...json.items.map((item) => item.id), ...[...(await read('feed.xml')).matchAll(/<id>(.*?)<\/id>/g)].map((match) => match[1])];
    };
    await publishEdition(outputDir, OLD, { warn });
    await publishEdition(outputDir, TODAY, { warn });
    for (const feed of ['feed.xml', 'rss.xml', 'feed.json']) expect(await read(feed)).not.toMatch(/file:|tmp|publish-edition-/);
    const before = await ids();
    await publishEdition(outputDir, TODAY, { publicUrl: 'https://example.org/briefs', warn });
    expect(await read('feed.xml')).toContain('https://example.org/briefs/digests/2025-01-21.html');
    expect(await ids()).toEqual(before);
    expect(before).toHaveLength(2 + 3);
  });

  it('never writes the user and password of SUMMARIZE_PUBLIC_URL into a feed or a page', async () => {
    const { readdir } = await import('node:fs/promises');
    const publicUrl = 'https://reader:s3cret-pass@news.example.org/brief';
    await publishEdition(outputDir, OLD, { publicUrl, warn });
    await publishEdition(outputDir, TODAY, { publicUrl, warn });
    await writeEmailEdition(outputDir, TODAY, { publicUrl });
    const files = (await readdir(outputDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const leaks: string[] = [];
    for (const file of files) {
      const text = await readFile(join(file.parentPath, file.name), 'utf8');
      if (/s3cret-pass|reader:|reader%3A/.test(text)) leaks.push(join(file.parentPath, file.name));
    }
    expect(files.length).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
    expect(await read('feed.xml')).toContain('<link href="https://news.example.org/brief/digests/2025-01-21.html"/>');
  });

  it('gives every page an absolute og:image under the public URL (the flowchart, else the podcast cover), never a path or a login', async () => {
    const ogImage = async (path: string) => /<meta property="og:image" content="([^"]*)">/.exec(await read(path))?.[1];
    const thirdStem = toFileStem(third!.paper.id, third!.paper.version);
    const firstStem = toFileStem(first!.paper.id, first!.paper.version);

    // No public URL: nothing to make an absolute URL of, so no og:image at all.
    await publishEdition(outputDir, TODAY, { warn });
    expect(await ogImage(`papers/${thirdStem}.html`)).toBeUndefined();
    expect(await ogImage('index.html')).toBeUndefined();

    const publicUrl = 'https://reader:s3cret-pass@news.example.org/brief/';
    await publishEdition(outputDir, TODAY, { publicUrl, warn });
    expect(await ogImage(`papers/${thirdStem}.html`)).toBe(`https://news.example.org/brief/papers/${thirdStem}.flowchart.png`);
    // The web edition shows its lead paper's chart, as its description leads with that paper.
    expect(await ogImage(`digests/${TODAY.date}.html`)).toBe(`https://news.example.org/brief/papers/${thirdStem}.flowchart.png`);
    // The index has no paper of its own, and there is no site image yet.
    expect(await ogImage('index.html')).toBeUndefined();

    // A paper without its PNG, once the podcast's cover exists: the cover, for it and for the index.
    await rm(getBriefPaths(outputDir, first!.paper.id, first!.paper.version).flowchartPng);
    await mkdir(join(outputDir, 'audio'), { recursive: true });
    await writeFile(join(outputDir, 'audio', 'cover.png'), 'png');
    await publishEdition(outputDir, TODAY, { publicUrl, warn });
    expect(await ogImage(`papers/${firstStem}.html`)).toBe('https://news.example.org/brief/audio/cover.png');
    expect(await ogImage('index.html')).toBe('https://news.example.org/brief/audio/cover.png');
    for (const page of [`papers/${firstStem}.html`, `papers/${thirdStem}.html`, `digests/${TODAY.date}.html`, 'index.html']) {
      expect(await read(page)).not.toMatch(/og:image" content="(?!https:\/\/news\.example\.org\/brief\/)|s3cret|file:/);
    }
  });

  it('shows each flowchart at the size its stored image was drawn at, as its SVG beside the page says', async () => {
    const thirdStem = toFileStem(third!.paper.id, third!.paper.version);
    const svgPath = getBriefPaths(outputDir, third!.paper.id, third!.paper.version).flowchartSvg;
    const stored = await readFile(svgPath, 'utf8');
    const [, width, height] = /<svg\b[^>]*? width="(\d+)" height="(\d+)"/.exec(stored)!;
    await publishEdition(outputDir, TODAY, { warn });
    expect(await read(`papers/${thirdStem}.html`)).toContain(`<img src="${thirdStem}.flowchart.png" width="${width}" height="${height}"`);

    // An image drawn at another size (an older renderer's) is shown at that size, so the page never stretches it.
    await writeFile(svgPath, stored.replace(`width="${width}" height="${height}"`, 'width="321" height="123"'));
    await publishEdition(outputDir, TODAY, { warn });
    expect(await read(`papers/${thirdStem}.html`)).toContain(`<img src="${thirdStem}.flowchart.png" width="321" height="123"`);
  });

  it('leaves no half-written search data behind when publishing fails', async () => {
    const { mkdir, readdir } = await import('node:fs/promises');
    // A folder where the web edition should go: writing it fails after the search data was started.
    await mkdir(join(outputDir, 'digests', `${TODAY.date}.html`), { recursive: true });
    await expect(publishEdition(outputDir, TODAY, { warn })).rejects.toThrow(/could not write .*2025-01-21\.html/);
    const assets = await readdir(join(outputDir, 'assets'), { recursive: true }).catch(() => [] as string[]);
    expect(assets.filter((name) => name.endsWith('.tmp') || name.includes('.staging-'))).toEqual([]);
  });

  it('writes the digest, the web edition, a page per paper, the archive with its search data, and three feeds', async () => {
    await publishEdition(outputDir, OLD, { warn });
    const published = await publishEdition(outputDir, TODAY, { publicUrl: 'https://example.org/briefs/', warn });

    expect(published.editions).toBe(2);
    expect(published.webEditionBytes).toBe((await readFile(published.html)).length);
    expect(JSON.parse(await read('digests/2025-01-21.json')).papers).toEqual([
      { id: 'hep-th/9108004', version: 1, title: 'A Toy Model of Boundary Entanglement', reason: 'matches: entanglement' },
      { id: '2501.01234', version: 2, title: 'Sparse Experts for Long-Context Retrieval' },
    ]);
    expect(await read('digests/2025-01-21.md')).toMatch(/## Paper 1\n\n### .*\n[\s\S]*Why picked: matches: entanglement/);
    const edition = await read('digests/2025-01-21.html');
    expect(edition).toContain('href="../papers/hep-th_9108004v1.html"');
    expect(edition).toContain('Why picked:</strong> matches: entanglement');
    expect(edition).not.toContain('data:');

    // The paper of both editions links both; the page of today's other paper only today.
    expect(await read('papers/2501.01234v2.html')).toMatch(/editions of <a href="\.\.\/digests\/2025-01-21\.html">2025-01-21<\/a>, <a href="\.\.\/digests\/2025-01-20\.html">/);
    expect(await read('papers/hep-th_9108004v1.html')).toContain('edition of <a href="../digests/2025-01-21.html">');

    const index = await read('index.html');
    expect(index.indexOf('2025-01-21')).toBeLessThan(index.indexOf('2025-01-20'));
    const { engine, manifest } = await openArchiveSearch(outputDir);
    expect(manifest).toMatchObject({ documents: 3, termBuckets: [expect.any(String)] });
    expect((await engine.documents([0, 1, 2])).map((document) => document.stem)).toEqual(['hep-th_9108004v1', '2501.01234v2', '2501.05678v1']);
    expect((await engine.documents((await engine.search('isotonic')).results)).map((document) => document.stem)).toEqual(['2501.05678v1']);

    expect(await read('feed.xml')).toContain('<link href="https://example.org/briefs/digests/2025-01-21.html"/>');
    expect(await read('rss.xml')).toContain('<link>https://example.org/briefs/digests/2025-01-21.html</link>');
    expect(JSON.parse(await read('feed.json')).items.map((item: { url: string }) => item.url)).toEqual([
      'https://example.org/briefs/digests/2025-01-21.html',
      'https://example.org/briefs/digests/2025-01-20.html',
    ]);
    expect(warnings).toEqual([]);
  });

  it('brings an edition from before the archive into it: its record, its web edition and its paper pages', async () => {
    await publishBeforeTheArchive(OLD);

    const published = await publishEdition(outputDir, TODAY, { warn });

    expect(published.editions).toBe(2);
    expect(await read('digests/2025-01-20.html')).toContain('href="../papers/2501.05678v1.html"');
    expect(await read('papers/2501.05678v1.html')).toContain('edition of <a href="../digests/2025-01-20.html">');
    // The paper also in today's edition lists both.
    expect(await read('papers/2501.01234v2.html')).toContain('editions of <a href="../digests/2025-01-21.html">2025-01-21</a>, <a href="../digests/2025-01-20.html">');
    expect(existsSync(getEditionRecordPath(outputDir, '2025-01-20'))).toBe(true);
    expect(await read('index.html')).toContain('href="papers/2501.05678v1.html"');
    expect(warnings).toEqual([]);
  });

  it('keeps an old edition whose brief was deleted after it was published: the archive has its own record', async () => {
    await publishEdition(outputDir, OLD, { warn });
    await rm(getBriefPaths(outputDir, second!.paper.id, second!.paper.version).json);
    await publishEdition(outputDir, TODAY, { warn });
    expect(await read('feed.xml')).toContain('<title type="html"><![CDATA[2025-01-20: ');
    expect(warnings).toEqual([]);
  });

  it('skips with a warning an old edition from before the archive whose brief is missing', async () => {
    await publishBeforeTheArchive(OLD);
    await rm(getBriefPaths(outputDir, second!.paper.id, second!.paper.version).json);

    const published = await publishEdition(outputDir, TODAY, { warn });

    expect(published.editions).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^left the edition of 2025-01-20 out of the archive and feeds: .*2501\.05678v1\.json is missing or no longer a valid brief$/);
    expect(await read('feed.xml')).toContain('<title type="html"><![CDATA[2025-01-21: ');
    expect(await read('feed.xml')).not.toContain('<title type="html"><![CDATA[2025-01-20: ');
    expect(await read('index.html')).not.toContain('2025-01-20');
  });

  it('skips with a warning an old edition whose brief no longer validates', async () => {
    await publishBeforeTheArchive(OLD);
    const path = getBriefPaths(outputDir, second!.paper.id, second!.paper.version).json;
    await writeFile(path, JSON.stringify({ ...JSON.parse(await readFile(path, 'utf8')), schemaVersion: 0 }));

    await publishEdition(outputDir, TODAY, { warn });

    expect(warnings).toEqual([expect.stringContaining('left the edition of 2025-01-20 out of the archive and feeds')]);
    expect(await read('digests/2025-01-21.html')).toContain('A Toy Model of Boundary Entanglement');
  });

  it('skips with a warning an old edition whose index is not ours', async () => {
    await publishEdition(outputDir, OLD, { warn });
    await writeFile(join(outputDir, 'digests', '2025-01-19.json'), '{"not": "an index"');

    await publishEdition(outputDir, TODAY, { warn });

    expect(warnings).toEqual([expect.stringMatching(/^left the edition of 2025-01-19 out .*2025-01-19\.json is not a digest index/)]);
    expect(await read('index.html')).toContain('2025-01-20');
  });

  it('escapes a hostile title on every page, in the search data and the feeds', async () => {
    const hostile = makeSampleBrief({ paper: { id: '2501.09999', title: '<img src=x onerror=alert(1)>' } });
    await writeBrief(outputDir, hostile);
    await publishEdition(outputDir, { date: '2025-01-22', papers: [{ brief: hostile, reason: '<script>alert(2)</script>' }] }, { warn });
    for (const page of ['index.html', 'digests/2025-01-22.html', 'papers/2501.09999v2.html', 'feed.xml', 'rss.xml']) {
      const text = await read(page);
      expect(text, page).not.toContain('<img src=x');
      expect(text, page).not.toContain('<script>alert');
    }
    expect(await read('papers/2501.09999v2.html')).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
