// Benchmarks what a paper costs in all four styles, and its brief alone, in each way of sending the calls, against the
// local fake OpenAI server, which caches prompts as OpenAI documents it (1,024 tokens or more, 128-token blocks, the
// schema first). The papers are real: the PDFs in ../shared/fixtures/pdfs (read here, served by the fake arXiv).
// Usage: npm run bench:cost -- [--papers 6] [--model gpt-5-mini] [--pdfs ../shared/fixtures/pdfs]
// Prints, per paper, the input, cached and output tokens and the USD at the model's list prices, each way as a ratio
// to today's layout measured in the same run. Targets: all four styles ≤ 0.5× today's with caching, ≤ 0.3× through
// the Batch API (`--batch`, at its price); the brief alone no dearer than today's.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Usage } from '../src/brief/brief-schema.js';
import { computeCostUsd } from '../src/llm/compute-cost-usd.js';
import { findModelPrice } from '../src/llm/model-prices.js';
import { addUsage, ZERO_USAGE } from '../src/llm/read-completion-usage.js';
import type { FakeChatResponse } from '../test/fakes/fake-openai-server.js';
import { groundedBriefResponder } from '../test/helpers/brief-responder.js';
import { FIXTURE_PDFS_DIR } from '../test/helpers/fixtures.js';
import { runCliCaptured } from '../test/helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../test/helpers/start-fake-services.js';
import { mark, readPositive } from './bench-support.js';

const PROMPTS_DIR = fileURLToPath(new URL('../prompts', import.meta.url));
// The fixtures named after their arXiv ID are papers; the x_ ones are test cases (scanned, encrypted, one page).
const NOT_A_PAPER = /^x_/;
const TARGETS = { allStyles: 0.5, allStylesBatch: 0.3, briefAlone: 1 };
const STYLE_SETS = [
  { label: 'brief', flags: [] as string[] },
  { label: 'all four', flags: ['--style', 'brief,blurb,commentary,podcast'] },
];

const { values } = parseArgs({ options: { papers: { type: 'string', default: '6' }, model: { type: 'string', default: 'gpt-5-mini' }, pdfs: { type: 'string', default: FIXTURE_PDFS_DIR } } });
const model = values.model;
const price = findModelPrice(model);
if (!price) throw new Error(`--model ${model} has no list price in src/llm/model-prices.ts`);
const pdfsDir = resolve(values.pdfs);
if (!existsSync(pdfsDir)) throw new Error(`no PDFs at ${pdfsDir}: pass --pdfs with a folder of real arXiv PDFs`);
const names = (await readdir(pdfsDir)).filter((name) => name.endsWith('.pdf') && !NOT_A_PAPER.test(name)).sort().slice(0, readPositive('--papers', values.papers));
const papers = await Promise.all(names.map(async (name, index) => ({ id: `2509.${30001 + index}`, title: `A paper from ${name}`, pdf: new Uint8Array(await readFile(join(pdfsDir, name))) })));

// Each way of sending a paper's calls: its prompts folder and settings.
interface Way {
  name: string;
  promptsDir: string;
  env: NodeJS.ProcessEnv;
}

const services = await startFakeServices(papers, { promptCaching: true });
services.openai.setResponder(answerWithoutNumbers);
const workDir = await mkdtemp(join(tmpdir(), 'arxiv-brief-bench-cost-'));
try {
  const ways: Way[] = [
    // The reference: each call its own prompt with the paper inside, after the instructions, and its own schema.
    { name: 'today', promptsDir: await writeTodayLayoutPrompts(join(workDir, 'prompts-today')), env: {} },
    // One prefix for every call of a paper (schema, system prompt, paper), and OpenAI's prompt_cache_key.
    { name: 'cached', promptsDir: PROMPTS_DIR, env: { SUMMARIZE_PROMPT_CACHE_KEY: 'on' } },
    // The cached layout through `--batch`: every round one batch, billed at the Batch API's price.
    { name: 'batch', promptsDir: PROMPTS_DIR, env: { SUMMARIZE_PROMPT_CACHE_KEY: 'on', SUMMARIZE_BATCH: '1' } },
  ];
  const warmCache = await warmPaperCache(services, join(workDir, 'cache-warm'));

  const rows: Array<{ way: string; styles: string; perPaper: Usage[]; costs: number[]; byStyle: Record<string, Usage[]> }> = [];
  for (const styles of STYLE_SETS) {
    for (const way of ways) rows.push({ way: way.name, styles: styles.label, ...(await measure(way, styles.flags, warmCache, join(workDir, `${way.name}-${rows.length}`))) });
  }

  const mean = (numbers: number[]) => numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
  console.log(`${papers.length} real papers (${names.join(', ')}), fake OpenAI server with prompt caching; ${model} list prices per million tokens: input $${price.input}, cached input $${price.cachedInput ?? price.input}, output $${price.output}`);
  console.log('per paper, mean    input   cached   output   cached %   USD/paper   ratio to today');
  for (const row of rows) {
    const reference = rows.find((candidate) => candidate.way === 'today' && candidate.styles === row.styles)!;
    const input = mean(row.perPaper.map((usage) => usage.inputTokens));
    const cached = mean(row.perPaper.map((usage) => usage.cachedInputTokens));
    const ratio = mean(row.costs) / mean(reference.costs);
    const goal = row.styles === 'brief' ? TARGETS.briefAlone : row.way === 'batch' ? TARGETS.allStylesBatch : TARGETS.allStyles;
    const target = row.way === 'today' ? '' : `  (target ≤ ${goal.toFixed(2)}x: ${mark(ratio <= goal)})`;
    console.log(
      `${`${row.way}, ${row.styles}`.padEnd(17)} ${Math.round(input).toString().padStart(7)}  ${Math.round(cached).toString().padStart(7)}  ${Math.round(mean(row.perPaper.map((usage) => usage.outputTokens))).toString().padStart(7)}` +
        `   ${`${Math.round((100 * cached) / input)} %`.padStart(8)}   $${mean(row.costs).toFixed(5)}    ${ratio.toFixed(2)}x${target}`,
    );
  }
  // What no layout of three calls (brief, blurb with commentary, podcast) can go below: the paper read once at the input price and twice from the cache, with today's answers.
  const todayBrief = rows.find((row) => row.way === 'today' && row.styles === 'brief')!;
  const todayAll = rows.find((row) => row.way === 'today' && row.styles === 'all four')!;
  const paperTokens = mean(todayBrief.perPaper.map((usage) => usage.inputTokens));
  const floor = computeCostUsd(model, { inputTokens: 3 * paperTokens, cachedInputTokens: 2 * paperTokens, outputTokens: mean(todayAll.perPaper.map((usage) => usage.outputTokens)) })!;
  console.log(`floor of three calls (the paper once at the input price, twice cached, today's answers): $${floor.toFixed(5)} per paper, ${(floor / mean(todayAll.costs)).toFixed(2)}x`);
  // Where each way's money goes, style by style: the first call of a paper reads it at the input price, the others from the cache; blurb and commentary, asked in one call, each record half its prompt.
  for (const row of rows.filter((candidate) => candidate.styles === 'all four')) {
    const calls = Object.entries(row.byStyle).map(([style, usages]) => {
      const usage = usages.reduce(addUsage, ZERO_USAGE);
      return `${style} ${Math.round(usage.inputTokens / usages.length)} in (${Math.round(usage.cachedInputTokens / usages.length)} cached) ${Math.round(usage.outputTokens / usages.length)} out`;
    });
    console.log(`${row.way}, by style, per paper: ${calls.join('; ')}`);
  }
  // The same ratio paper by paper: a short paper gains less than a long one.
  for (const styles of STYLE_SETS) {
    for (const way of ['cached', 'batch']) {
      const [today, measured] = ['today', way].map((name) => rows.find((row) => row.way === name && row.styles === styles.label)!);
      console.log(`${styles.label}, ${way}/today by paper: ${names.map((name, index) => `${name.replace(/\.pdf$/, '')} ${(measured!.costs[index]! / today!.costs[index]!).toFixed(2)}x`).join(', ')}`);
    }
  }
} finally {
  await services.close();
  await rm(workDir, { recursive: true, force: true });
}

// --- internal ---

/** Runs `summarize` on every paper one way, from a cold prompt cache and a fresh output folder; usage per paper, in the papers' order. */
async function measure(way: Way, styleFlags: string[], warmCache: string, folder: string): Promise<{ perPaper: Usage[]; costs: number[]; byStyle: Record<string, Usage[]> }> {
  // The paper texts and figures as any run finds them in its cache folder; no notes, no stored texts, nothing in the server's cache.
  const cacheDir = join(folder, 'cache');
  await cp(warmCache, cacheDir, { recursive: true, filter: (source) => !source.includes('/notes') });
  services.openai.clearPromptCache();
  const env = { ...services.env, ...way.env, SUMMARIZE_MODEL: model, SUMMARIZE_PROMPTS_DIR: way.promptsDir, SUMMARIZE_OUTPUT_DIR: join(folder, 'output'), SUMMARIZE_CACHE_DIR: cacheDir };
  const result = await runCliCaptured([...papers.map((paper) => paper.id), ...styleFlags, '--json'], env);
  if (result.code !== 0) throw new Error(`summarize (${way.name}) exited ${result.code}: ${result.stderr}`);
  // One document per paper: the brief, with each other style under `styles`, each with its generation record.
  type Written = { generation: { usage: Usage; costUsd: number | null } };
  const briefs: Array<Written & { styles?: Record<string, Written> }> = JSON.parse(result.stdout);
  const perPaper = briefs.map((brief) => [brief, ...Object.values(brief.styles ?? {})].reduce((sum, document) => addUsage(sum, document.generation.usage), ZERO_USAGE));
  const byStyle = Object.fromEntries(['brief', 'blurb', 'commentary', 'podcast'].map((style) => [style, briefs.map((brief) => (style === 'brief' ? brief : brief.styles?.[style])?.generation.usage ?? ZERO_USAGE)]));
  // What each call was billed at, as its record says: through --batch the podcast segment, written from the brief, goes in the next batch (the run's afterBriefs) at the batch price.
  const costs = briefs.map((brief) => [brief, ...Object.values(brief.styles ?? {})].reduce((sum, document) => sum + document.generation.costUsd!, 0));
  return { perPaper, costs, byStyle };
}

/** A cache folder with every paper's PDF, text and figures, so the measured runs differ only in their model calls. */
async function warmPaperCache(running: FakeServices, cacheDir: string): Promise<string> {
  const env = { ...running.env, SUMMARIZE_CACHE_DIR: cacheDir, SUMMARIZE_OUTPUT_DIR: join(cacheDir, '..', 'output-warm') };
  const result = await runCliCaptured([...papers.map((paper) => paper.id), '--style', 'brief,commentary'], env);
  if (result.code !== 0) throw new Error(`the warm-up run exited ${result.code}: ${result.stderr}`);
  return cacheDir;
}

/**
 * Today's prompt files, as the project shipped them before prompts/paper.md: each style's instructions, then the paper
 * inside them (the commentary with its list of figures, the podcast without categories), so each call is one message.
 */
async function writeTodayLayoutPrompts(folder: string): Promise<string> {
  await cp(PROMPTS_DIR, folder, { recursive: true });
  const paper = (extra: { categories: boolean; figures: boolean }) =>
    `<paper_text>\nTitle: {{title}}\nAuthors: {{authors}}\n${extra.categories ? 'Categories: {{categories}}\n' : ''}Abstract: {{abstract}}\n\n${extra.figures ? 'Figures of the paper:\n{{figures}}\n\n' : ''}{{paperText}}\n</paper_text>\n`;
  for (const [style, extra] of [['brief', { categories: true, figures: false }], ['blurb', { categories: true, figures: false }], ['commentary', { categories: true, figures: true }], ['podcast', { categories: false, figures: false }]] as const) {
    const instructions = await readFile(join(PROMPTS_DIR, `${style}.md`), 'utf8');
    await writeFile(join(folder, `${style}.md`), `${instructions}\n${paper(extra)}`);
  }
  return folder;
}

// A good model's answer for a real paper quotes only the paper's numbers; the test answers' numbers are the test paper's, so none are sent.
function answerWithoutNumbers(body: any): FakeChatResponse {
  const response = groundedBriefResponder(body);
  return { ...response, content: removeNumbers(response.content) as object };
}

function removeNumbers(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\d+(?:\.\d+)?\s*(?:%|percent)?/g, 'many');
  if (Array.isArray(value)) return value.map(removeNumbers);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, removeNumbers(item)]));
  return value;
}
