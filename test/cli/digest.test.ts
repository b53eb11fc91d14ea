import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNightlyPapers, NIGHT } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;
const digestFile = (extension: string) => join(services.outputDir, 'digests', `${NIGHT}.${extension}`);

beforeEach(async () => {
  const papers = await makeNightlyPapers(3);
  services = await startFakeServices(papers);
  services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
  // The second paper fails: its PDF is an HTML page.
  services.arxiv.failNext('/pdf/2509.10002', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>PDF being generated</html>' }, 5);
  expect((await runCliCaptured(['nightly', '--date', NIGHT], services.env)).code).toBe(3);
});
afterEach(async () => {
  await services.close();
});

describe('the daily digest', () => {
  it('is written in the seed format, without the failed paper, with its JSON index, HTML edition and feeds', async () => {
    const markdown = await readFile(digestFile('md'), 'utf8');
    expect(markdown.startsWith(`# ${NIGHT} Papers\n\n## Paper 1\n\n### Nightly Paper 1\n\nPublished: ${NIGHT}  \nLink: https://arxiv.org/pdf/2509.10001v1  \n`)).toBe(true);
    expect(markdown.match(/^## Paper \d+$/gm)).toEqual(['## Paper 1', '## Paper 2']);
    expect(markdown).toContain('### Nightly Paper 3\n\nPublished: 2025-09-10  \nLink: https://arxiv.org/pdf/2509.10003v1  \n');
    expect(markdown).not.toContain('Nightly Paper 2');
    for (const paper of markdown.split(/^## Paper \d+$/m).slice(1)) {
      for (const label of ['1. 📘 Topic and Domain:', '2. 💡 Previous Research and New Ideas:', '3. ❓ Problem:', '4. 🛠️ Methods:', '5. 📊 Results and Evaluation:']) {
        expect(paper).toContain(label);
      }
      expect(paper).toMatch(/Critique/);
      expect(paper).toMatch(/Quiz/);
      expect(paper.match(/Q[123]\./g)).toEqual(['Q1.', 'Q2.', 'Q3.']);
    }

    const index = JSON.parse(await readFile(digestFile('json'), 'utf8'));
    expect(index).toEqual({
      schemaVersion: 1,
      date: NIGHT,
      // Hugging Face's list is ranked by upvotes, so each paper says why it is there.
      papers: [
        { id: '2509.10001', version: 1, title: 'Nightly Paper 1', reason: '3 upvotes' },
        { id: '2509.10003', version: 1, title: 'Nightly Paper 3', reason: '3 upvotes' },
      ],
    });
    const html = await readFile(digestFile('html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Nightly Paper 1');
    expect(html).toContain('Nightly Paper 3');
    expect(html).not.toContain('Nightly Paper 2');

    expect(html).toContain('href="../papers/2509.10001v1.html"');
    expect(existsSync(join(services.outputDir, 'papers', '2509.10001v1.html'))).toBe(true);
    expect(await readFile(join(services.outputDir, 'index.html'), 'utf8')).toContain(`href="digests/${NIGHT}.html"`);
    expect(await readFile(join(services.outputDir, 'rss.xml'), 'utf8')).toContain('<rss version="2.0"');
    const atom = await readFile(join(services.outputDir, 'feed.xml'), 'utf8');
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom).toContain(NIGHT);
    const jsonFeed = JSON.parse(await readFile(join(services.outputDir, 'feed.json'), 'utf8'));
    expect(jsonFeed.version).toMatch(/jsonfeed\.org/);
    expect(JSON.stringify(jsonFeed.items)).toContain(NIGHT);
    expect(JSON.stringify(jsonFeed.items)).not.toContain('Nightly Paper 2');
  });

  it('is rebuilt byte for byte by `summarize digest --date`, with its pages, archive and feeds', async () => {
    // Everything publishing writes, except the index the rebuild starts from.
    const published = [
      `digests/${NIGHT}.md`,
      `digests/${NIGHT}.html`,
      'papers/2509.10001v1.html',
      'papers/2509.10003v1.html',
      'index.html',
      'assets/search/manifest.js',
      'assets/archive.css',
      'assets/archive-search.js',
      `archive/editions/${NIGHT}.json`,
      'feed.xml',
      'rss.xml',
      'feed.json',
    ];
    // The search data's parts, by the name the manifest gives their folder.
    const manifest = await readFile(join(services.outputDir, 'assets', 'search', 'manifest.js'), 'utf8');
    const version = /"version":"([0-9a-f]{12})"/.exec(manifest)![1]!;
    published.push(...(await readdir(join(services.outputDir, 'assets', 'search', version))).map((name) => `assets/search/${version}/${name}`));
    expect(published).toContain(`assets/search/${version}/terms-0.js`);
    expect(published).toContain(`assets/search/${version}/documents-0.js`);
    const before = await Promise.all(published.map((path) => readFile(join(services.outputDir, path))));
    await Promise.all(published.map((path) => rm(join(services.outputDir, path))));
    await rm(join(services.outputDir, 'assets', 'search', version), { recursive: true });
    // Writers killed mid-write (pid 999999999 cannot be alive) left temporary files behind.
    const abandoned = join(services.outputDir, 'digests', `${NIGHT}.html.999999999.0badcafe.tmp`);
    await writeFile(abandoned, '<html>half a page');
    const abandonedShard = join(services.outputDir, 'assets', 'search', 'documents-0.js.999999999.0badcafe.tmp');
    await writeFile(abandonedShard, 'arxivBriefSearchPart("documents-0",[');

    const result = await runCliCaptured(['digest', '--date', NIGHT], services.env);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('(2 papers)');
    for (const [index, path] of published.entries()) {
      expect((await readFile(join(services.outputDir, path))).equals(before[index]!), path).toBe(true);
    }
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(abandonedShard)).toBe(false);
    expect(services.openai.requests).toHaveLength(2);
  });

  it('leaves out an unreadable older edition with a warning, and still publishes', async () => {
    await writeFile(join(services.outputDir, 'digests', '2025-09-09.json'), '{"schemaVersion": 1, "date": "2025-09-09"');

    const result = await runCliCaptured(['digest', '--date', NIGHT], services.env);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: left the edition of 2025-09-09 out of the archive and feeds: .*2025-09-09\.json is not a digest index written by summarize/m);
    expect(await readFile(join(services.outputDir, 'index.html'), 'utf8')).not.toContain('2025-09-09');
  });

  it('says how to make a digest for a day that has none', async () => {
    const result = await runCliCaptured(['digest', '--date', '2025-09-11'], services.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no edition for 2025-09-11');
    expect(result.stderr).toContain('summarize nightly --date 2025-09-11');
  });
});
