import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { StyleResultSchema } from '../../src/brief/style-result-schema.js';
import { askedSchemaName, groundedBriefResponder, makeGroundedCommentaryContent, respondAsAsked } from '../helpers/brief-responder.js';
import { FIXTURE_PDFS_DIR, hasFixtures } from '../helpers/fixtures.js';
import { makeLatexmlPage, makeNoisyPng } from '../helpers/latexml-page.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

const paper = { id: '2509.08721', version: 2, title: 'Grounded Briefs of Papers', published: '2025-09-10T17:59:59Z' };
const papersDir = (running: FakeServices) => join(running.outputDir, 'papers');
const why = 'It shows how the checks catch invented numbers before a reader sees them, which is the point of the whole pipeline.';

async function runCommentary(running: FakeServices, picked: number[]) {
  // A long paper takes several calls for its brief: the commentary is answered by the schema it asks for.
  running.openai.setResponder((body) =>
    askedSchemaName(body) === 'paper_commentary' ? respondAsAsked(body, makeGroundedCommentaryContent(picked.map((number) => ({ number, why })))) : groundedBriefResponder(body),
  );
  const result = await runCliCaptured([paper.id, '--style', 'brief,commentary'], running.env);
  expect(result.stderr).not.toContain('internal error');
  expect(result.code).toBe(0);
  const stored = StyleResultSchema.parse(JSON.parse(await readFile(join(papersDir(running), '2509.08721v2.commentary.json'), 'utf8')));
  const markdown = await readFile(join(papersDir(running), '2509.08721v2.commentary.md'), 'utf8');
  return { result, stored, markdown };
}

async function expectWebSized(path: string) {
  expect((await stat(path)).size).toBeLessThanOrEqual(300_000);
  expect((await sharp(await readFile(path)).metadata()).width).toBeLessThanOrEqual(1200);
}

describe('summarize <id> --style commentary: the paper figures', () => {
  it("shows the figures the model picked from arXiv's HTML rendering, web-sized beside the page, with the caption as alt text", async () => {
    services = await startFakeServices([
      {
        ...paper,
        pdf: await makePaperPdf(paper.title),
        html: {
          page: makeLatexmlPage([
            { number: 1, caption: 'The pipeline from PDF to brief.', file: 'x1.png' },
            { number: 2, caption: 'Invented numbers caught by the checks.', file: 'x2.png' },
          ]),
          files: { 'x1.png': await makeNoisyPng(800, 400), 'x2.png': await makeNoisyPng(2600, 1400) },
        },
      },
    ]);
    const { stored, markdown } = await runCommentary(services, [2]);

    // The model saw every caption, by number.
    expect(services.openai.requests[1]!.body.messages[1].content).toContain('Figures of the paper:\nFigure 1: The pipeline from PDF to brief.\nFigure 2: Invented numbers caught by the checks.');
    expect(stored.figures).toMatchObject({ source: 'html', shown: [{ number: 2, caption: 'Invented numbers caught by the checks.' }] });
    const file = stored.figures!.shown[0]!.file;
    expect(file).toMatch(/^2509\.08721v2\.figures\/figure-2\.(png|jpg)$/);
    await expectWebSized(join(papersDir(services), file));
    expect(markdown).toContain(`![Invented numbers caught by the checks.](${file})\n\n**Figure 2.** It shows how`);
    expect(markdown).toContain("_Figures from arXiv's HTML rendering of the paper._");
  });

  it.skipIf(!hasFixtures)("takes the figures from the real PDF when arXiv has no HTML rendering (404)", async () => {
    services = await startFakeServices([{ ...paper, pdf: await readFile(join(FIXTURE_PDFS_DIR, '2206.10883v3.pdf')) }]);
    const { stored, markdown } = await runCommentary(services, [1]);

    expect(services.arxiv.requests.some((request) => request.path === '/html/2509.08721v2')).toBe(true);
    expect(services.openai.requests.at(-1)!.body.messages[1].content).toMatch(/Figure 1: The pipeline of creating summaries/);
    expect(stored.figures?.source).toBe('pdf');
    expect(stored.figures?.shown.map((figure) => figure.number)).toEqual([1]);
    await expectWebSized(join(papersDir(services), stored.figures!.shown[0]!.file));
    expect(markdown).toContain(`](${stored.figures!.shown[0]!.file})`);
  }, 120_000);

  it('writes the commentary without figures when there are none, and its provenance says so', async () => {
    services = await startFakeServices([{ ...paper, pdf: await makePaperPdf(paper.title) }]);
    const { stored, markdown } = await runCommentary(services, []);

    expect(stored.figures).toEqual({ source: 'none', shown: [] });
    expect(markdown).toContain("_Written without figures: none could be taken from arXiv's HTML rendering (the paper may have none) or from its PDF._");
    expect(markdown).not.toContain('![');
  });
});
