import { randomUUID } from 'node:crypto';
import type { Config } from '../config/config-schema.js';
import { describeFailure } from '../errors/describe-failure.js';
import { buildRunReport } from '../run/run-report.js';
import { reserveRunReport, writeRunReport } from '../run/write-run-report.js';
import { collectConfigSecrets } from '../secrets/collect-secrets.js';
import { describeEpisodeStep } from './describe-episode-step.js';
import { createSpeechEngine } from '../audio/create-speech-engine.js';
import { editionLanguage } from '../edition/edition-messages.js';
import { loadPrompts } from '../brief/load-prompts.js';
import { loadStylePrompt } from '../brief/load-style-prompt.js';
import { isPodcastScriptReusable, readPodcastScript } from '../styles/podcast-script-store.js';
import { acquireRunLock } from '../run/acquire-run-lock.js';
import { assertFolderWritable } from '../run/assert-folder-writable.js';
import { createPaperContext } from '../paper/create-paper-context.js';
import { estimateEpisodeCharacters, estimateSegmentUsd } from '../paper/estimate-episode-cost.js';
import type { Outcome } from '../run/outcome.js';
import { publishEpisode, type PublishedEpisode } from './publish-episode.js';
import { readEditionWithEpisode } from '../publish/read-edition-with-episode.js';
import { removeAbandonedTemporaryFiles } from '../run/remove-abandoned-temporary-files.js';
import { createSpendBudget } from '../run/spend-budget.js';

export interface PodcastRequest {
  /** YYYY-MM-DD: the edition whose episode is made. */
  date: string;
  /** `--podcast-top`; default SUMMARIZE_PODCAST_TOP. */
  top?: number | undefined;
  maxCostUsd?: number | undefined;
  dryRun: boolean;
}

/** What a dry run expects an episode to cost: segments to write and characters to speak. */
export interface EpisodeEstimate {
  papers: Array<{ id: string; title: string; reused: boolean; scriptUsd: number | null }>;
  engine: string;
  /** Which engine would speak and why (createSpeechEngine's rule). */
  engineReason: string;
  characters: number;
  speechUsd: number | null;
  totalUsd: number | null;
}

export type PodcastResult = { outcome: Outcome; episode: PublishedEpisode; reportPath: string } | { outcome: Outcome; estimate: EpisodeEstimate };

/** `summarize podcast --date D`: makes (or remakes) a day's episode from its stored edition and briefs, and records it in a run report. */
export async function runPodcast(config: Config, request: PodcastRequest, environment: { log: (line: string) => void; warn: (line: string) => void; signal?: AbortSignal; now?: () => Date }): Promise<PodcastResult> {
  const { now = () => new Date() } = environment;
  const top = request.top ?? config.podcastTop;
  if (request.dryRun) return { outcome: 'done', estimate: await estimateEpisode(config, request.date, top) };
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  await assertFolderWritable(config.cacheDir, 'SUMMARIZE_CACHE_DIR');
  const lock = await acquireRunLock(config.outputDir, { command: `podcast --date ${request.date}` });
  try {
    await removeAbandonedTemporaryFiles(config.outputDir);
    const context = await createPaperContext(config, { extractorPoolSize: 1 });
    try {
      // Failure reasons quote servers, and a server may quote the key.
      const secrets = collectConfigSecrets(config);
      const startedAt = now();
      const reportBase = {
        runId: randomUUID(),
        command: 'podcast' as const,
        startedAt: startedAt.toISOString(),
        date: request.date,
        source: { kind: 'edition' as const, detail: `digests/${request.date}.json`, empty: false },
        options: { model: config.model, promptVersion: context.prompts.version, maxCostUsd: request.maxCostUsd, dryRun: false },
        papers: [],
      };
      const reportPath = await reserveRunReport(config.outputDir, buildRunReport({ ...reportBase, finishedAt: reportBase.startedAt, running: true }), top, secrets);
      const stepStartedAt = performance.now();
      // What was paid is counted as it is paid, so a failed episode's report still holds it.
      let spentUsd: number | null = 0;
      try {
        const edition = await readEditionWithEpisode(config.outputDir, request.date);
        const episode = await publishEpisode(context, edition, {
          top,
          budget: createSpendBudget(request.maxCostUsd),
          log: environment.log,
          warn: environment.warn,
          onSpent: (usd) => {
            spentUsd = usd === null || spentUsd === null ? null : spentUsd + usd;
          },
          signal: environment.signal,
        });
        const report = buildRunReport({ ...reportBase, finishedAt: now().toISOString(), podcast: describeEpisodeStep(episode, performance.now() - stepStartedAt) });
        await writeRunReport(reportPath, report, secrets);
        return { outcome: report.outcome, episode, reportPath };
      } catch (error) {
        const failure = describeFailure(error);
        const podcast = { ok: false, detail: failure, durationMs: Math.round(performance.now() - stepStartedAt), costUsd: spentUsd };
        await writeRunReport(reportPath, buildRunReport({ ...reportBase, finishedAt: now().toISOString(), podcast, failure }), secrets).catch(() => undefined);
        throw error;
      }
    } finally {
      await context.close();
    }
  } finally {
    await lock.release();
  }
}

// --- internal ---

async function estimateEpisode(config: Config, date: string, top: number): Promise<EpisodeEstimate> {
  const edition = await readEditionWithEpisode(config.outputDir, date);
  const prompts = await loadPrompts(config.promptsDir);
  const stylePrompt = await loadStylePrompt(config.promptsDir, 'podcast', prompts.system);
  const wanted = { model: config.model, promptVersion: stylePrompt.version, hosts: config.podcastHosts };
  const papers: EpisodeEstimate['papers'] = [];
  for (const { brief } of edition.papers.slice(0, top)) {
    const stored = await readPodcastScript(config.outputDir, brief.paper.id, brief.paper.version, brief.generation.language);
    const reused = stored !== null && isPodcastScriptReusable(stored, wanted);
    papers.push({ id: brief.paper.id, title: brief.paper.title, reused, scriptUsd: reused ? 0 : estimateSegmentUsd(brief, config, stylePrompt.text) });
  }
  const { engine, reason } = createSpeechEngine(config, { language: editionLanguage(edition) });
  const characters = estimateEpisodeCharacters(papers.length);
  const speechUsd = engine.usdPerMillionCharacters === undefined ? null : (engine.usdPerMillionCharacters * characters) / 1e6;
  const scriptsUsd = papers.reduce<number | null>((sum, paper) => (sum === null || paper.scriptUsd === null ? null : sum + paper.scriptUsd), 0);
  return { papers, engine: engine.name, engineReason: reason, characters, speechUsd, totalUsd: scriptsUsd === null || speechUsd === null ? null : scriptsUsd + speechUsd };
}
