import type { RunStep } from '../run/run-report.js';
import type { PublishedEpisode } from './publish-episode.js';

/** The run report's podcast step for an episode that was made: where it is, how long, and what it cost. */
export function describeEpisodeStep(episode: PublishedEpisode, durationMs: number): RunStep {
  const { record } = episode;
  const left = episode.failed.length > 0 ? `; without ${episode.failed.map((paper) => paper.id).join(', ')} (no segment)` : '';
  return {
    ok: episode.failed.length === 0,
    detail: `${record.mp3}: ${(record.durationMs / 60_000).toFixed(1)} min, ${record.chapters.length} chapters${left}`,
    paths: [record.mp3, record.transcript, ...(episode.feedPath ? [episode.feedPath] : [])],
    durationMs: Math.round(durationMs),
    costUsd: record.cost.totalUsd,
  };
}
