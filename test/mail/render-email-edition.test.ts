import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/edition/edition.js';
import { EMAIL_HTML_MAX_BYTES, measureSentBytes, renderEmailEdition } from '../../src/mail/render-email-edition.js';
import { signFeedbackLinks } from '../../src/mail/sign-feedback-links.js';
import { signPaperPageLinks } from '../../src/mail/sign-paper-page-links.js';
import { writeEmailEdition } from '../../src/mail/write-email-edition.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

const DATE = '2025-01-31';
const PUBLIC_URL = 'https://news.example.org/brief';

// A day of `count` distinct papers, with the longest fields a real day has (many authors, a comment).
function makeEdition(count: number): Edition {
  return {
    date: DATE,
    papers: Array.from({ length: count }, (_, index) => ({
      brief: makeSampleBrief({
        paper: {
          id: `2501.${String(10_000 + index)}`,
          version: 1,
          title: `Paper ${index + 1}: sparse experts for long-context retrieval at scale`,
          authors: Array.from({ length: 12 }, (_, author) => `Author ${author + 1}`),
          absUrl: `https://arxiv.org/abs/2501.${String(10_000 + index)}v1`,
          pdfUrl: `https://arxiv.org/pdf/2501.${String(10_000 + index)}v1`,
          comment: '15 pages, 6 figures, accepted at a conference',
        },
      }),
      reason: `matches: retrieval, long context (${index + 1})`,
    })),
  };
}

const FORBIDDEN = [/<details/i, /<script/i, /<form/i, /data:/i, /<link[^>]*rel="?stylesheet/i, /<iframe/i];

describe('renderEmailEdition', () => {
  it.each([
    ['with a public URL', PUBLIC_URL],
    ['without one', undefined],
  ])('keeps 300 papers under 100,000 bytes, free of constructs mail clients drop, naming every paper not shown in full (%s)', (_, publicUrl) => {
    const edition = makeEdition(300);
    const email = renderEmailEdition(edition, { publicUrl });
    // Counted as sent: quoted-printable turns every "=" of the inline styles into "=3D".
    expect(measureSentBytes(email.html)).toBeLessThan(EMAIL_HTML_MAX_BYTES);
    expect(email.html).toContain(`300 papers: ${email.shownInFull} in full, ${300 - email.shownInFull} listed after them.`);
    for (const pattern of FORBIDDEN) expect(email.html).not.toMatch(pattern);
    expect(email.shownInFull).toBeGreaterThan(10);
    expect(email.shownInFull).toBeLessThan(300);
    const rest = 300 - email.shownInFull;
    expect(email.html).toContain(`>And ${rest} more papers</h2>`);
    expect(email.text).toContain(`And ${rest} more papers:`);
    for (const paper of edition.papers) {
      expect(email.html).toContain(`>${paper.brief.paper.title}</a>`);
      expect(email.text).toContain(paper.brief.paper.title);
    }
    // Only the papers in full carry a thumbnail, and only when no web page shows the chart, so the renderer never holds 300 of them.
    expect(email.images).toHaveLength(publicUrl ? 0 : email.shownInFull);
    expect(email.html.match(/<img /g) ?? []).toHaveLength(publicUrl ? 0 : email.shownInFull);
  });

  it.each([20, 300, 600])("keeps a reader's own copy of %s papers, its links signed for them, under 100,000 bytes as sent", (count) => {
    const reader = 'firstname.middlename.lastname@department.university-example.edu';
    const secret = 'a-test-secret-of-32-characters!!';
    const email = renderEmailEdition(makeEdition(count), { publicUrl: PUBLIC_URL, feedbackUrl: `${PUBLIC_URL}/feedback` });
    const signed = signPaperPageLinks(signFeedbackLinks(email.html, `${PUBLIC_URL}/feedback`, reader, secret), PUBLIC_URL, reader, secret, true);
    expect(signed).toContain(`.html#address=${encodeURIComponent(reader)}&amp;token=`);
    expect(measureSentBytes(signed)).toBeLessThan(EMAIL_HTML_MAX_BYTES);
    expect(email.shownInFull).toBeGreaterThanOrEqual(Math.min(count, 10));
  });

  it('still shows the best papers in full on a day of 600 papers with long titles', () => {
    const edition = makeEdition(600);
    for (const paper of edition.papers) paper.brief.paper.title = `${paper.brief.paper.title} ${'with a very long and descriptive subtitle '.repeat(6)}`.trim();
    const email = renderEmailEdition(edition, { publicUrl: PUBLIC_URL });
    expect(Buffer.byteLength(email.html)).toBeLessThan(EMAIL_HTML_MAX_BYTES);
    expect(email.shownInFull).toBeGreaterThanOrEqual(10);
    expect(email.html).toContain(`${edition.papers[0]!.brief.summary.methods.slice(0, 40)}`);
    expect(email.html).toMatch(/…and \d+ more not listed here; every paper is in <a href=/);
  });

  it('gives Outlook desktop, which ignores max-width, a fixed 600 px column of its own', () => {
    const email = renderEmailEdition(makeEdition(2), { publicUrl: PUBLIC_URL });
    expect(email.html).toContain('<!--[if mso]><table role="presentation" width="600" align="center"');
    expect(email.html.match(/<!--\[if mso\]>/g)).toHaveLength(2);
  });

  it.each([2, 25, 300])('stays under 100,000 bytes with %s papers whose titles run to 20,000 characters', (count) => {
    const edition = makeEdition(count);
    for (const paper of edition.papers) paper.brief.paper.title = `A runaway title ${'and so on '.repeat(2_000)}`;
    for (const publicUrl of [PUBLIC_URL, undefined]) {
      const email = renderEmailEdition(edition, { publicUrl });
      expect(Buffer.byteLength(email.html)).toBeLessThan(EMAIL_HTML_MAX_BYTES);
    }
  });

  it('keeps bidi and other control characters out of both parts', () => {
    const brief = makeSampleBrief({ paper: { title: 'Safe \u202Etxt.exe title' } });
    brief.summary.problem = 'A problem \u202Ewith an override\u0007.';
    const email = renderEmailEdition({ date: DATE, papers: [{ brief }] }, { publicUrl: PUBLIC_URL });
    for (const part of [email.text, email.html]) expect(part).not.toMatch(/[\u202E\u0007]/);
    expect(email.text).toContain('A problem with an override.');
  });

  it('counts the papers it cannot even list, and points to the web edition for them', () => {
    const email = renderEmailEdition(makeEdition(3000), { publicUrl: PUBLIC_URL });
    expect(Buffer.byteLength(email.html)).toBeLessThan(EMAIL_HTML_MAX_BYTES);
    // Every <li> beyond "In this issue" (one per paper in full) is a listed title.
    const listed = (email.html.match(/<li>/g)?.length ?? 0) - email.shownInFull;
    expect(listed).toBeGreaterThan(100);
    const unlisted = 3000 - email.shownInFull - listed;
    expect(unlisted).toBeGreaterThan(0);
    expect(email.html).toContain(`…and ${unlisted} more not listed here; every paper is in <a href="${PUBLIC_URL}/digests/${DATE}.html"`);
    expect(email.text).toContain(`…and ${unlisted} more not listed here; every paper is in the web edition: ${PUBLIC_URL}/digests/${DATE}.html`);
  });

  it('shows a paper in full: linked title, authors, comment, upvotes, why picked, the five points and the page link', () => {
    const brief = makeSampleBrief({ paper: { comment: '9 pages, code released', upvotes: 42 } });
    const email = renderEmailEdition({ date: DATE, papers: [{ brief, reason: 'matches: retrieval' }] }, { publicUrl: PUBLIC_URL });
    expect(email.html).toContain(`<a href="${PUBLIC_URL}/papers/2501.01234v2.html" style=`);
    expect(email.html).toContain('Ada Lovelace, Alan Turing, Grace Hopper');
    expect(email.html).toContain('9 pages, code released · 42 upvotes on Hugging Face');
    expect(email.html).toContain('<b>Why picked:</b> matches: retrieval');
    expect(email.html).toContain(`<p class="tldr" style="font-size: 14px; line-height: 1.3; font-weight: 700; margin: 0 0 4px 0;">${brief.tldr}</p>`);
    expect(email.html).toContain(`<a href="#paper-1" style="color:#1d4ed8;font-weight:700;text-decoration:none;">${brief.paper.title}</a> — ${brief.tldr}</li>`);
    expect(email.html).toMatch(/Full brief, flowchart and quiz →<\/a>/);
    for (const label of ['Topic and Domain', 'Previous Research and New Ideas', 'Problem', 'Methods', 'Results and Evaluation']) {
      expect(email.html).toContain(`<b title="${label}">`);
      expect(email.text).toContain(`${label}: `);
    }
    expect(email.text).toContain('   Why picked: matches: retrieval\n');
    // The text part carries every link of the HTML part.
    for (const [, href] of email.html.matchAll(/href="([^#"][^"]*)"/g)) expect(email.text).toContain(href!.replace(/&amp;/g, '&'));
  });

  it('leaves out a "Why picked" that repeats the upvotes above it, and links the code and the project page', () => {
    const brief = makeSampleBrief({ paper: { upvotes: 42, githubRepo: 'https://github.com/example/sparse', projectPage: 'https://example.org/sparse' } });
    const email = renderEmailEdition({ date: DATE, papers: [{ brief, reason: '42 upvotes' }] }, { publicUrl: PUBLIC_URL });
    expect(email.html).toContain('42 upvotes on Hugging Face');
    expect(email.html).not.toContain('Why picked');
    expect(email.text).not.toContain('Why picked');
    expect(email.html).toContain('<a href="https://github.com/example/sparse" style="color: #1d4ed8;">Code</a> · <a href="https://example.org/sparse" style="color: #1d4ed8;">Project page</a>');
    expect(email.html).toContain('1 paper, each in five points.');
  });

  it('escapes everything that comes from a paper or the model, and links arXiv only over https', () => {
    const brief = makeSampleBrief({
      paper: { title: 'Attack <script>alert(1)</script> & "quotes"', authors: ['<img src=x onerror=alert(1)>'], absUrl: 'http://evil.example/abs/1', comment: '<b>bold</b>' },
      summary: { ...makeSampleBrief().summary, problem: '</td></tr></table><form action="https://evil.example">' },
    });
    const email = renderEmailEdition({ date: DATE, papers: [{ brief, reason: '<a href="javascript:alert(1)">x</a>' }] });
    for (const pattern of FORBIDDEN) expect(email.html).not.toMatch(pattern);
    expect(email.html).toContain('Attack &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).not.toContain('evil.example/abs');
    expect(email.html).not.toContain('href="javascript:');
    expect(email.html).toContain('href="https://arxiv.org/abs/2501.01234v2"');
  });

  it('uses cid: images and arXiv links when the public URL is missing or not https', () => {
    for (const publicUrl of [undefined, 'http://news.example.org']) {
      const email = renderEmailEdition({ date: DATE, papers: makeSampleBriefs().map((brief) => ({ brief })) }, { publicUrl });
      expect(email.html).not.toContain('news.example.org');
      expect(email.html).not.toContain('Full brief, flowchart and quiz');
      expect(email.images.map((image) => image.cid)).toEqual(['flowchart-2501.01234v2@arxiv-brief', 'flowchart-2501.05678v1@arxiv-brief', 'flowchart-hep-th_9108004v1@arxiv-brief']);
      for (const image of email.images) expect(email.html).toContain(`src="cid:${image.cid}" width="`);
    }
  });

  it('is a 600 px table layout with inline styles, readable in dark mode', () => {
    const email = renderEmailEdition({ date: DATE, papers: makeSampleBriefs().map((brief) => ({ brief })) }, { publicUrl: PUBLIC_URL });
    expect(email.html).toMatch(/<table role="presentation" class="container" width="600"[^>]*style="width: 100%; max-width: 600px;"/);
    expect(email.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(email.html).toContain('@media (prefers-color-scheme: dark)');
    expect(email.html).not.toMatch(/<div[^>]*max-width/);
    // Every card carries its own colours: Gmail's app and Outlook read no <style>.
    expect(email.html.match(/<td class="card"[^>]*style="background-color: #ffffff; color: #1f2937;/g)).toHaveLength(4);
  });

  it("lists the papers shown in full before under \"Also on today's list\", linking their briefs, and counts them apart", () => {
    const repeats = [
      { id: '2501.00001', version: 3, title: 'An older <b>paper</b>', firstShown: '2025-01-30' },
      { id: 'hep-th/9108004', version: 1, title: 'A much older one', firstShown: '2025-01-02' },
    ];
    const email = renderEmailEdition({ date: DATE, papers: [{ brief: makeSampleBrief() }], repeats }, { publicUrl: PUBLIC_URL });
    expect(email.html).toContain('1 paper, each in five points. 2 more on the list were in an earlier edition.');
    expect(email.html).toContain('>Also on today&#39;s list</h2>');
    expect(email.html).toContain(`<li><a href="${PUBLIC_URL}/papers/2501.00001v3.html">An older &lt;b&gt;paper&lt;/b&gt;</a> · first shown <a href="${PUBLIC_URL}/digests/2025-01-30.html">2025-01-30</a></li>`);
    expect(email.text).toContain(`- A much older one\n   ${PUBLIC_URL}/papers/hep-th_9108004v1.html (first shown 2025-01-02)\n`);
    // Without a public https URL: the arXiv page, and the date alone.
    const offline = renderEmailEdition({ date: DATE, papers: [{ brief: makeSampleBrief() }], repeats }, {});
    expect(offline.html).toContain('<li><a href="https://arxiv.org/abs/2501.00001v3">An older &lt;b&gt;paper&lt;/b&gt;</a> · first shown 2025-01-30</li>');
  });

  it('keeps 300 papers and 1,000 papers shown before under 100,000 bytes, counting the repeats it cannot list', () => {
    const repeats = Array.from({ length: 1000 }, (_, index) => ({ id: `2412.${String(10_000 + index)}`, version: 1, title: `An earlier paper ${index + 1} on sparse experts`, firstShown: '2025-01-30' }));
    const email = renderEmailEdition({ ...makeEdition(300), repeats }, { publicUrl: PUBLIC_URL });
    expect(measureSentBytes(email.html)).toBeLessThan(EMAIL_HTML_MAX_BYTES);
    expect(email.shownInFull).toBeGreaterThan(10);
    const listed = (email.html.match(/first shown <a/g) ?? []).length;
    expect(listed).toBeGreaterThan(10);
    expect(email.html).toContain(`…and ${1000 - listed} more, listed in <a href="${PUBLIC_URL}/digests/${DATE}.html"`);
    expect(email.text).toContain(`…and ${1000 - listed} more, listed in the web edition: ${PUBLIC_URL}/digests/${DATE}.html`);
  });

  it('renders the plain-text part of a fixed edition exactly', async () => {
    const papers = makeSampleBriefs().map((brief, index) => ({ brief, ...(index === 0 ? { reason: 'matches: retrieval' } : {}) }));
    const email = renderEmailEdition({ date: DATE, papers }, { publicUrl: PUBLIC_URL, unsubscribe: 'https://news.example.org/leave' });
    await expect(email.text).toMatchFileSnapshot('__snapshots__/email-edition.txt');
  });

  it('is written as digests/<date>.email.html and digests/<date>.txt', async () => {
    const outputDir = await mkdtemp(join(tmpdir(), 'arxiv-brief-email-'));
    try {
      const written = await writeEmailEdition(outputDir, { date: DATE, papers: [{ brief: makeSampleBrief() }] }, { publicUrl: PUBLIC_URL });
      expect(await readFile(join(outputDir, 'digests', `${DATE}.email.html`), 'utf8')).toBe(written.html);
      expect(await readFile(join(outputDir, 'digests', `${DATE}.txt`), 'utf8')).toBe(written.text);
    } finally {
      await rm(outputDir, { recursive: true, force: true });
    }
  });
});

describe('the email edition in the briefs\' language', () => {
  it('takes its own words and the five points\' names from the message table: Chinese briefs get Chinese labels, English ones stay as they were', () => {
    const english = makeSampleBrief();
    const chinese = { ...english, generation: { ...english.generation, language: 'zh' } };
    const render = (brief: typeof english) => renderEmailEdition({ date: DATE, papers: [{ brief, reason: 'matches: retrieval' }] }, { publicUrl: PUBLIC_URL, unsubscribe: 'https://news.example.org/unsubscribe' });

    const zh = render(chinese);
    for (const label of ['本期内容', '在网页上阅读', '退订', '入选理由：', '摘要由语言模型根据每篇论文的全文撰写', '完整简报、流程图和测验']) expect(zh.html).toContain(label);
    expect(zh.html).toContain('title="主题与领域"');
    // The language's own colon: no ASCII punctuation in Chinese.
    expect(zh.text).toContain('📘 主题与领域：');
    expect(zh.html).not.toContain('In this issue');

    const en = render(english);
    for (const label of ['In this issue', 'Read it on the web', 'Unsubscribe', 'Why picked:']) expect(en.html).toContain(label);
    expect(en.text).toContain('📘 Topic and Domain: ');
  });
});
