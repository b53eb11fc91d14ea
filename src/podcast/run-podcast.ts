import type { Config } from '../config/config-schema.js';
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
  characters: number;
  speechUsd: number | null;
  totalUsd: number | null;
}

export type PodcastResult = { outcome: Outcome; episode: PublishedEpisode } | { outcome: Outcome; estimate: EpisodeEstimate };

/** `summarize podcast --date D`: makes (or remakes) a day's episode from its stored edition and briefs. */
export async function runPodcast(config: Config, request: PodcastRequest, environment: { log: (line: string) => void; warn: (line: string) => void; signal?: AbortSignal }): Promise<PodcastResult> {
  const top = request.top ?? config.podcastTop;
  if (request.dryRun) return { outcome: 'done', estimate: await estimateEpisode(config, request.date, top) };
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  await assertFolderWritable(config.cacheDir, 'SUMMARIZE_CACHE_DIR');
  const lock = await acquireRunLock(config.outputDir, { command: `podcast --date ${request.date}` });
  try {
    await removeAbandonedTemporaryFiles(config.outputDir);
    const edition = await readEditionWithEpisode(config.outputDir, request.date);
    const context = await createPaperContext(config, { extractorPoolSize: 1 });
    try {
      const episode = await publishEpisode(context, edition, { top, budget: createSpendBudget(request.maxCostUsd), log: environment.log, warn: environment.warn, signal: environment.signal });
      return { outcome: episode.failed.length > 0 ? 'partial' : 'done', episode };
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
  const { engine } = createSpeechEngine(config, { language: editionLanguage(edition) });
  const characters = estimateEpisodeCharacters(papers.length);
  const speechUsd = engine.usdPerMillionCharacters === undefined ? null : (engine.usdPerMillionCharacters * characters) / 1e6;
  const scriptsUsd = papers.reduce<number | null>((sum, paper) => (sum === null || paper.scriptUsd === null ? null : sum + paper.scriptUsd), 0);
  return { papers, engine: engine.name, characters, speechUsd, totalUsd: scriptsUsd === null || speechUsd === null ? null : scriptsUsd + speechUsd };
}
