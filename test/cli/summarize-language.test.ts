import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BriefContent, BriefSchema } from '../../src/brief/brief-schema.js';
import { MESSAGES } from '../../src/language/messages.js';
import { makeGroundedBriefContent } from '../helpers/brief-responder.js';
import { LOCALIZED_SENTENCES, makeLocalizedBriefContent } from '../helpers/localized-brief.js';
import { listPdfRequests, startOnePaperServices } from '../helpers/one-paper-services.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import type { FakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;

beforeEach(async () => {
  services = await startOnePaperServices();
});
afterEach(async () => {
  await services.close();
});

// What papers are full of: TeX with Greek letters, which a detector alone reads as Greek.
const FORMULA = 'We minimize $\\mathcal{L}(\\theta) = \\sum_i \\lambda_i \\ell(x_i; \\theta)$ with σ, β and α.';
const pdfRequests = () => listPdfRequests(services);
const readBrief = async (file: string) => BriefSchema.parse(JSON.parse(await readFile(join(services.outputDir, 'papers', file), 'utf8')));

describe('summarize <id> --language', () => {
  for (const language of ['zh', 'es', 'de', 'fr', 'ja'] as const) {
    it(`${language}: asks for ${MESSAGES[language].name}, repairs an English answer once, and labels the brief from the message table`, async () => {
      services.openai.enqueue({ content: makeGroundedBriefContent() }, { content: makeLocalizedBriefContent(language) });

      const result = await runCliCaptured(['2509.08721', '--language', language], services.env);

      expect(result.stderr).not.toContain('internal error');
      expect(result.code).toBe(0);
      expect(services.openai.requests).toHaveLength(2);
      expect(services.openai.requests[0]!.body.messages.at(-1).content).toContain(`Write every text of your answer in ${MESSAGES[language].name} (${language})`);
      expect(services.openai.requests[1]!.body.messages.at(-1).content).toMatch(new RegExp(`^Your answer is written in English \\(en\\), but every text must be in ${MESSAGES[language].name} \\(${language}\\)`));
      const messages = MESSAGES[language];
      for (const label of [`1. 📘 ${messages.topicAndDomain}${messages.colon}`, `5. 📊 ${messages.resultsAndEvaluation}${messages.colon}`, `## ${messages.critique}`, `**${messages.strengths}**`, `## ${messages.quiz}`, `**${messages.answers}**`]) {
        expect(result.stdout).toContain(label);
      }
      expect(result.stdout).toContain(LOCALIZED_SENTENCES[language]);
      const brief = await readBrief(`2509.08721v2.${language}.json`);
      expect(brief.generation.language).toBe(language);
      expect(brief.generation.attempts).toBe(2);
      // The numbers stay grounded in the English paper whatever the language around them.
      expect(brief.checks).toEqual({ ungroundedNumbers: [], warnings: [] });
    });
  }

  it('en: writes as before, with no language round and no language in the stored brief', async () => {
    const result = await runCliCaptured(['2509.08721', '--language', 'en'], services.env);

    expect(result.code).toBe(0);
    expect(services.openai.requests).toHaveLength(1);
    expect(services.openai.requests[0]!.body.messages.at(-1).content).not.toContain('Write every text of your answer in');
    expect(result.stdout).toContain(`1. 📘 ${MESSAGES.en.topicAndDomain}:`);
    expect((await readBrief('2509.08721v2.json')).generation.language).toBeUndefined();
  });

  it('flags a brief still in the wrong language after the repair round, in its checks and its markdown', async () => {
    services.openai.enqueue({ content: makeGroundedBriefContent() }, { content: makeGroundedBriefContent() });

    const result = await runCliCaptured(['2509.08721', '--language', 'zh-Hans'], services.env);

    expect(result.code).toBe(0);
    expect(services.openai.requests).toHaveLength(2);
    expect(result.stdout).toContain(`> ⚠️ **${MESSAGES.zh.checkBeforePublishing}**\n> - written in English (en), not in Simplified Chinese (zh-Hans) as asked`);
    expect((await readBrief('2509.08721v2.zh-Hans.json')).checks.warnings).toContain('written in English (en), not in Simplified Chinese (zh-Hans) as asked');
  });

  it('names English text with formulas English, not Greek: its Greek letters and TeX are not read as a language', async () => {
    const withFormulas = (content: BriefContent): BriefContent => ({
      ...content,
      summary: Object.fromEntries(Object.entries(content.summary).map(([key, text]) => [key, `${text} ${FORMULA}`])) as BriefContent['summary'],
    });
    services.openai.enqueue({ content: withFormulas(makeGroundedBriefContent()) }, { content: withFormulas(makeGroundedBriefContent()) });

    const result = await runCliCaptured(['2509.08721', '--language', 'zh'], services.env);

    expect(result.code).toBe(0);
    expect(services.openai.requests[1]!.body.messages.at(-1).content).toMatch(/^Your answer is written in English \(en\), but every text must be in Chinese \(zh\)\./);
    expect((await readBrief('2509.08721v2.zh.json')).checks.warnings).toContain('written in English (en), not in Chinese (zh) as asked');
  });

  it('takes a Chinese brief full of formulas and acronyms as Chinese: no language round is paid', async () => {
    const content = makeLocalizedBriefContent('zh');
    services.openai.enqueue({ content: { ...content, summary: { ...content.summary, methods: `方法：LoRA、QLoRA、DPO。${FORMULA}` } } });

    const result = await runCliCaptured(['2509.08721', '--language', 'zh'], services.env);

    expect(result.code).toBe(0);
    expect(services.openai.requests).toHaveLength(1);
    expect((await readBrief('2509.08721v2.zh.json')).checks.warnings).toEqual([]);
  });

  it('keeps English and Chinese briefs side by side; a rerun in either costs nothing and requests no PDF', async () => {
    services.openai.enqueue({ content: makeGroundedBriefContent() }, { content: makeLocalizedBriefContent('zh') });
    expect((await runCliCaptured(['2509.08721'], services.env)).code).toBe(0);
    expect((await runCliCaptured(['2509.08721', '--language', 'zh'], services.env)).code).toBe(0);
    expect(services.openai.requests).toHaveLength(2);
    expect(pdfRequests()).toHaveLength(1);

    const english = await runCliCaptured(['2509.08721'], services.env);
    const chinese = await runCliCaptured(['2509.08721'], { ...services.env, SUMMARIZE_LANGUAGE: 'zh' });

    expect(services.openai.requests).toHaveLength(2);
    expect(pdfRequests()).toHaveLength(1);
    expect(english.stdout).toContain('## Critique');
    expect(chinese.stdout).toContain(`## ${MESSAGES.zh.critique}`);
    expect((await readBrief('2509.08721v2.json')).summary.topicAndDomain).toMatch(/^Automatic summarization/);
    expect((await readBrief('2509.08721v2.zh.json')).summary.topicAndDomain).toBe(LOCALIZED_SENTENCES.zh);
  });

  it('refuses a language without a message table before any request, listing the ones there are', async () => {
    const result = await runCliCaptured(['2509.08721', '--language', 'ko'], services.env);

    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('summarize: --language: no message table for "ko"; expected a BCP 47 tag of one of en, zh, es, de, fr, ja (e.g. zh or zh-Hans)');
    expect(services.arxiv.requests).toHaveLength(0);
  });
});
