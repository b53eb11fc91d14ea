import { buildEpisodeScript, type EpisodePaper } from '../audio/build-episode-script.js';
import { editionLanguage } from '../edition/edition-messages.js';
import type { EpisodeRecord } from '../audio/episode-record.js';
import { getEpisodePaths, writeEpisodeRecord } from '../audio/episode-record-store.js';
import { createSpeechChunkCache } from '../audio/speech-chunk-cache.js';
import type { ChosenSpeech } from '../audio/create-speech-engine.js';
import type { CoverImage } from '../audio/encode-episode-mp3.js';
import { RunError } from '../errors/brief-error.js';
import { renderChaptersJson } from '../audio/render-chapters-json.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { synthesizeEpisode } from '../audio/synthesize-episode.js';
import { describeSpeechChunks } from './describe-speech-chunks.js';
import type { Edition } from '../edition/edition.js';
import { describeFailure } from '../errors/describe-failure.js';
import { loadStylePrompt } from '../brief/load-style-prompt.js';
import type { PaperContext } from '../paper/create-paper-context.js';
import { ensurePodcastSegment } from '../paper/ensure-podcast-segment.js';
import type { SpendBudget } from '../run/spend-budget.js';

export interface MakeEpisodeOptions {
  top: number;
  speech: ChosenSpeech;
  budget: SpendBudget;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** Told of every amount paid (a segment's calls, a chunk of speech) as it is paid, also when the episode then fails; null: price unknown. */
  onSpent?: (usd: number | null) => void;
  /** The show's cover, embedded in the MP3. */
  cover?: CoverImage | undefined;
  signal?: AbortSignal | undefined;
  now?: () => Date;
}

export interface MadeEpisode {
  record: EpisodeRecord;
  /** Papers whose segment could not be written; the episode goes on without them. */
  failed: Array<{ id: string; reason: string }>;
  scriptsWritten: number;
}

/**
 * A day's episode from its stored edition: each of the top papers' podcast segment (reused when
 * stored, else written from the brief and the paper's text, which comes from the cache when it is
 * there), then speech, the MP3 and its transcript, and the episode's record with its cost.
 */
export async function makeEpisode(context: PaperContext, edition: Edition, options: MakeEpisodeOptions): Promise<MadeEpisode> {
  const { config } = context;
  const { now = () => new Date() } = options;
  // No segment is paid for when nothing could speak it.
  await options.speech.engine.assertAvailable();
  options.log(`speech: ${options.speech.reason}`);
  const stylePrompt = await loadStylePrompt(config.promptsDir, 'podcast', context.prompts.system);
  const papers: EpisodePaper[] = [];
  const failed: MadeEpisode['failed'] = [];
  let scriptsUsd: number | null = 0;
  let scriptsWritten = 0;
  for (const { brief } of edition.papers.slice(0, options.top)) {
    const { paper } = brief;
    try {
      const { script, written } = await ensurePodcastSegment(context, brief, {
        stylePrompt,
        budget: options.budget,
        signal: options.signal,
        now,
        onSpent: (usd) => {
          scriptsUsd = usd === null || scriptsUsd === null ? null : scriptsUsd + usd;
          options.onSpent?.(usd);
        },
      });
      if (written) {
        scriptsWritten += 1;
        options.log(`${paper.id}: podcast segment written (${script.turns.length} turns)`);
      }
      papers.push({ paperId: paper.id, title: paper.title, turns: script.turns });
    } catch (error) {
      failed.push({ id: paper.id, reason: describeFailure(error) });
      options.warn(`${paper.id}: no podcast segment, left out of the episode: ${describeFailure(error)}`);
    }
  }
  if (papers.length === 0) {
    const why = failed.length === 0 ? 'the edition has no papers' : failed.map(({ id, reason }) => (reason.startsWith(`${id}:`) ? reason : `${id}: ${reason}`)).join('; ');
    throw new RunError(`no paper of ${edition.date} has a podcast segment, so there is no episode: ${why}`);
  }

  const episodeScript = buildEpisodeScript({ date: edition.date, showTitle: config.podcastTitle, hosts: config.podcastHosts, papers, language: editionLanguage(edition) });
  const paths = getEpisodePaths(config.outputDir, edition.date);
  const result = await synthesizeEpisode(episodeScript, {
    engine: options.speech.engine,
    voices: options.speech.voices,
    cache: createSpeechChunkCache(config.cacheDir),
    mp3Path: paths.mp3,
    transcriptPath: paths.transcript,
    captionsPath: paths.captions,
    cover: options.cover,
    admit: (estimateUsd) => options.budget.reserve(estimateUsd) !== undefined,
    onPaid: (_characters, usd) => options.onSpent?.(usd ?? null),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const { integratedLufs, truePeakDbtp } = result.loudness;
  const mastered = integratedLufs === undefined ? 'silent' : `mastered to ${integratedLufs.toFixed(1)} LUFS, true peak ${truePeakDbtp.toFixed(1)} dBTP`;
  options.log(`speech (${options.speech.engine.name}): ${describeSpeechChunks(result.chunksPaid, result.chunks)}; ${mastered}`);
  const speechUsd = result.costUsd ?? null;
  await writeFileAtomic(paths.chapters, renderChaptersJson(result.chapters));
  const record: EpisodeRecord = {
    schemaVersion: 1,
    date: edition.date,
    title: episodeScript.title,
    mp3: `audio/${edition.date}.mp3`,
    transcript: `audio/${edition.date}.txt`,
    captions: `audio/${edition.date}.vtt`,
    chaptersFile: `audio/${edition.date}.chapters.json`,
    bytes: result.bytes,
    durationMs: Math.round(result.durationMs),
    chapters: result.chapters.map((chapter, index) => ({ ...chapter, ...(episodeScript.segments[index]?.paperId ? { paperId: episodeScript.segments[index]!.paperId } : {}) })),
    engine: options.speech.engine.name,
    voices: options.speech.voices,
    characters: result.characters,
    charactersPaid: result.charactersPaid,
    cost: { scriptsUsd, speechUsd, totalUsd: scriptsUsd === null || speechUsd === null ? null : scriptsUsd + speechUsd },
    language: editionLanguage(edition),
    createdAt: now().toISOString(),
  };
  await writeEpisodeRecord(config.outputDir, record);
  return { record, failed, scriptsWritten };
}
