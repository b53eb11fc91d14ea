import { existsSync } from 'node:fs';
import { toFileStem } from '../arxiv/to-file-stem.js';
import { getPaperPagePath, writePaperPage } from '../archive/write-paper-page.js';
import type { Config } from '../config/config-schema.js';
import { BriefError } from '../errors/brief-error.js';
import { collectPeriodBriefs, type PeriodBrief } from './collect-period-briefs.js';
import type { Issue } from './issue.js';
import type { IssueRecord } from './issue-record.js';
import { getIssueMailKey, readIssueRecord, writeIssue } from './issue-store.js';
import { wasMailedToReaders } from '../readers/was-mailed-to-readers.js';
import { describePeriodTitle } from './describe-period-title.js';
import { describeMailedIssueChange } from './describe-mailed-issue-change.js';
import type { Period } from './period.js';
import { rankPeriodBriefs } from './rank-period-briefs.js';
import { listIssueRecords } from './list-issue-records.js';
import { readInterestsFile } from '../rank/read-interests-file.js';
import { loadStylePrompt } from '../brief/load-style-prompt.js';
import type { ProseStyleName } from '../brief/style-names.js';
import type { StyleResult } from '../brief/style-result-schema.js';
import { readStoredStyle } from '../styles/style-store.js';
import { isBriefReusable } from '../output/brief-store.js';
import { publishArchiveIndex } from '../archive/publish-edition.js';
import { acquireRunLock } from '../run/acquire-run-lock.js';
import { assertFolderWritable } from '../run/assert-folder-writable.js';
import { removeAbandonedTemporaryFiles } from '../run/remove-abandoned-temporary-files.js';
import { assertLlmEndpointUsable } from '../paper/assert-llm-endpoint-usable.js';
import { createPaperContext } from '../paper/create-paper-context.js';
import type { ProgressReporter } from '../run/progress-reporter.js';
import type { RunPlan } from '../paper/plan-run.js';
import { type DryRunEstimate, runPapers } from '../paper/run-papers.js';
import { describeIssuePapers, INTRODUCTION_OUTPUT_TOKENS, writeIssueIntroduction } from './write-issue-introduction.js';
import { estimateCostUsd } from '../llm/estimate-cost-usd.js';
import { countTokens } from '../text/count-tokens.js';

export interface IssueRequest {
  period: Period;
  /** The prose style each paper is shown in. */
  style: ProseStyleName;
  top: number;
  /** Estimate what the issue would cost and make nothing. */
  dryRun?: boolean;
}

export interface IssueEstimate {
  /** The texts to write, paper by paper (their PDFs read from the cache or downloaded for counting). */
  estimates: DryRunEstimate[];
  /** Chosen papers whose text in the style is stored: no call. */
  stored: number;
  /** Null when the model has no price; 0 when the stored introduction fits. */
  introductionUsd: number | null;
}

export interface IssueResult {
  paths: { markdown: string; html: string; emailHtml: string };
  papers: number;
  /** Model calls this run paid for: the missing texts in the style, and the introduction unless it was stored. */
  calls: number;
  costUsd: number | null;
  /** Chosen papers whose text in the style could not be written: left out of the issue. */
  leftOut: string[];
}

/**
 * `summarize issue --month/--week`: the period's stored briefs ranked, the best `top` shown in the style
 * with an introduction. Only missing texts and the introduction cost calls; a paper's text comes from the
 * cache when it is there. The same papers, model and prompts again cost nothing.
 */
export async function runIssue(
  baseConfig: Config,
  request: IssueRequest,
  environment: { reporter: ProgressReporter; stopSignal?: AbortSignal | undefined; abortSignal?: AbortSignal | undefined },
): Promise<IssueResult | { estimate: IssueEstimate }> {
  const config: Config = { ...baseConfig, styles: ['brief', request.style] };
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  // Two issues at once, or an issue during the night's run, would buy the same texts twice and race on the index.
  const lock = await acquireRunLock(config.outputDir, { command: `issue --${request.period.kind} ${request.period.key}` });
  try {
    await removeAbandonedTemporaryFiles(config.outputDir);
    return await makeIssue(config, request, environment);
  } finally {
    await lock.release();
  }
}

// --- internal ---

async function makeIssue(
  config: Config,
  request: IssueRequest,
  environment: { reporter: ProgressReporter; stopSignal?: AbortSignal | undefined; abortSignal?: AbortSignal | undefined },
): Promise<IssueResult | { estimate: IssueEstimate }> {
  const { period, style, top } = request;
  const { reporter } = environment;
  const { briefs, missing, damaged } = await collectPeriodBriefs(config.outputDir, period, config.language);
  for (const line of damaged) reporter.warn(`left out of the issue: ${line}`);
  if (briefs.length === 0) {
    const how = period.kind === 'month' ? `--month ${period.key}` : `--week ${period.key}`;
    throw new BriefError(
      `no briefs are stored for ${period.title} (${period.first} to ${period.last}) in ${config.outputDir}${missing > 0 ? ` in language ${config.language}` : ''}: make them with \`summarize nightly --date <day>\` on the days of the period, or \`summarize nightly --source hf ${how}\``,
    );
  }
  const interests = config.interestsPath === undefined ? undefined : await readInterestsFile(config.interestsPath);
  const { chosen, method } = rankPeriodBriefs(briefs, { interests, top });
  reporter.log(`${period.title}: ${briefs.length} stored brief(s); the issue shows ${chosen.length}, ranked by ${method}`);

  const context = await createPaperContext(config, { extractorPoolSize: 1 });
  try {
    const storedRecord = await readIssueRecord(config.outputDir, period.key, config.language);
    // Readers have a mailed issue: it is never rewritten with other papers or in another style, and nothing is bought trying.
    const mailed = storedRecord !== null && (await wasMailedToReaders(config, getIssueMailKey(period.key, config.language))) ? storedRecord : undefined;
    const wanted = { period: period.key, language: config.language, style, papers: chosen.map(toIssuePaper) };
    const mailedChange = mailed && describeMailedIssueChange(mailed, wanted);
    if (mailedChange) throw new BriefError(mailedChange);
    const stylePrompt = context.prompts.styles[style]!;
    // Each paper's text in the style: stored and reusable costs nothing (once mailed, the stored text is what readers got), else written from its stored brief and the cached paper text.
    const texts = new Map<string, StyleResult>();
    const plan: RunPlan = { skip: [], summarize: [], withdrawn: [], reusedBriefs: new Map(), missingStyles: new Map() };
    for (const { brief } of chosen) {
      const stored = await readStoredStyle(config.outputDir, brief.paper, style, config.language);
      if (stored && (mailed || isBriefReusable(stored, { model: config.model, promptVersion: stylePrompt.version }))) {
        texts.set(brief.paper.id, stored);
        continue;
      }
      plan.summarize.push(brief.paper);
      plan.reusedBriefs.set(brief.paper, brief);
      plan.missingStyles.set(brief.paper, [style]);
    }
    const introductionPrompt = await loadStylePrompt(config.promptsDir, 'issue-introduction', context.prompts.system);
    if (request.dryRun) {
      const never = new AbortController().signal;
      const estimated = plan.summarize.length === 0 ? [] : (await runPapers(context, { plan, reporter, stopSignal: never, abortSignal: never, dryRun: true })).estimates;
      const reused = mailed?.introduction ?? reusableIntroduction(storedRecord, { papers: chosen.map(toIssuePaper), style, language: config.language, model: config.model, promptVersion: introductionPrompt.version });
      const promptTokens = countTokens(context.prompts.system) + countTokens(introductionPrompt.text) + countTokens(describeIssuePapers(chosen.map((entry) => entry.brief)));
      const introductionUsd = reused ? 0 : estimateCostUsd(config.model, promptTokens, INTRODUCTION_OUTPUT_TOKENS, config.prices);
      return { estimate: { estimates: estimated, stored: texts.size, introductionUsd } };
    }
    let costUsd: number | null = 0;
    let calls = 0;
    const leftOut: string[] = [];
    if (plan.summarize.length > 0) {
      await assertLlmEndpointUsable(context, config);
      const never = new AbortController().signal;
      reporter.start(plan.summarize.length);
      const result = await runPapers(context, { plan, reporter, stopSignal: environment.stopSignal ?? never, abortSignal: environment.abortSignal ?? never, dryRun: false });
      for (const paper of plan.summarize) {
        const run = result.papers.get(paper);
        calls += run?.attempts ?? 0;
        costUsd = costUsd === null || run?.costUsd === null ? null : costUsd + (run?.costUsd ?? 0);
        const written = result.styles.get(paper)?.find((entry) => entry.style === style);
        if (written) texts.set(paper.id, written);
        else leftOut.push(`${paper.id}: ${run?.reason ?? 'not written'}`);
      }
    }
    const shown = chosen.filter((entry) => texts.has(entry.brief.paper.id));
    if (shown.length === 0) throw new BriefError(`no paper of ${period.title} could be written in the ${style} style: ${leftOut[0] ?? 'no reason recorded'}`);
    for (const line of leftOut) reporter.warn(`left out of the issue: ${line}`);

    const papers = shown.map(toIssuePaper);
    const leftOutChange = mailed && describeMailedIssueChange(mailed, { ...wanted, papers });
    if (leftOutChange) throw new BriefError(leftOutChange);
    // Once mailed, the introduction stays the one readers got, whatever model or prompt is set now.
    let introduction = mailed?.introduction ?? reusableIntroduction(storedRecord, { papers, style, language: config.language, model: config.model, promptVersion: introductionPrompt.version });
    if (!introduction) {
      introduction = await writeIssueIntroduction(
        shown.map((entry) => entry.brief),
        { config, llm: context.llm(), prompt: introductionPrompt, systemPrompt: context.prompts.system, periodTitle: period.title, signal: environment.abortSignal },
      );
      calls += 1;
      costUsd = costUsd === null || introduction.costUsd === null ? null : costUsd + introduction.costUsd;
    }
    const issue: Issue = {
      record: { schemaVersion: 1, period: period.key, title: describePeriodTitle(period, config.language), style, language: config.language, papers, introduction },
      papers: shown.map((entry) => ({ brief: entry.brief, text: texts.get(entry.brief.paper.id)!, reason: entry.reason })),
    };
    // Collected papers were in no edition, so no page was made for them: the issue's links must not lead nowhere.
    for (const { brief } of shown) if (!existsSync(getPaperPagePath(config.outputDir, brief))) await writePaperPage(config.outputDir, brief, { editions: [] });
    const { paths } = await writeIssue(config.outputDir, issue, { publicUrl: config.publicUrl, unsubscribe: config.mailUnsubscribe });
    // Listed in the archive's index and feeds beside the daily editions.
    await publishArchiveIndex(config.outputDir, { publicUrl: config.publicUrl, warn: (line) => reporter.warn(line), issues: await listIssueRecords(config.outputDir) });
    return { paths, papers: shown.length, calls, costUsd, leftOut };
  } finally {
    await context.close();
  }
}


function toIssuePaper(entry: PeriodBrief): IssueRecord['papers'][number] {
  const { paper } = entry.brief;
  return { stem: toFileStem(paper.id, paper.version), id: paper.id, version: paper.version, title: paper.title, ...(entry.reason ? { reason: entry.reason } : {}) };
}

// The stored introduction fits while it was written for these papers, in this order, style and language, by this model and prompt.
function reusableIntroduction(
  record: IssueRecord | null,
  wanted: { papers: IssueRecord['papers']; style: string; language: string; model: string; promptVersion: string },
): IssueRecord['introduction'] | undefined {
  if (!record) return undefined;
  const same =
    record.style === wanted.style &&
    record.language === wanted.language &&
    record.introduction.model === wanted.model &&
    record.introduction.promptVersion === wanted.promptVersion &&
    record.papers.map((paper) => paper.stem).join('\n') === wanted.papers.map((paper) => paper.stem).join('\n');
  return same ? record.introduction : undefined;
}
