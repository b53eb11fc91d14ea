import { resolveDay } from '../../arxiv/resolve-day.js';
import { assertLlmConfigured, loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import type { Outcome } from '../../run/outcome.js';
import { runPodcast } from '../../podcast/run-podcast.js';
import type { CliIo } from '../cli-io.js';
import { formatUsd } from '../progress/format-usd.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { parsePositiveFlag } from '../parse-positive-flag.js';

/** `summarize podcast --date D`: the day's episode, its feed, and the pages with a player. */
export async function runPodcastCommand(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('podcast', argv, {
    date: { type: 'string' },
    'podcast-top': { type: 'string' },
    'max-cost': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    model: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`podcast: unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.date) throw new UsageError('podcast: --date YYYY-MM-DD|yesterday|today is required');
  const top = values['podcast-top'] === undefined ? undefined : parsePositiveFlag('podcast', '--podcast-top', values['podcast-top'], true);
  const maxCostUsd = values['max-cost'] === undefined ? undefined : parsePositiveFlag('podcast', '--max-cost', values['max-cost'], false);
  const config = loadConfig({ env: io.env, flags: { model: values.model, outputDir: values.out } });
  if (!values['dry-run']) assertLlmConfigured(config);
  const log = (line: string) => {
    if (!values.quiet) io.stderr.write(`${line}\n`);
  };
  const result = await runPodcast(
    config,
    { date: resolveDay(values.date), top, maxCostUsd, dryRun: values['dry-run'] },
    { log, warn: (line) => io.stderr.write(`warning: ${line}\n`) },
  );
  if ('estimate' in result) {
    const { estimate } = result;
    for (const paper of estimate.papers) io.stdout.write(`${paper.id}  ${paper.reused ? 'stored segment, no call' : `segment ~${usd(paper.scriptUsd)}`}  ${paper.title}\n`);
    io.stdout.write(`speech (${estimate.engine}): ~${estimate.characters} characters, ~${usd(estimate.speechUsd)}\nepisode: ~${usd(estimate.totalUsd)} at most\n`);
    log(`speech: ${estimate.engineReason}`);
    return result.outcome;
  }
  const { episode, reportPath } = result;
  const { record, feedPath } = episode;
  const minutes = (record.durationMs / 60_000).toFixed(1);
  log(`wrote ${config.outputDir}/${record.mp3} (${minutes} min, ${record.chapters.length} chapters) and its transcript${feedPath ? `; feed ${feedPath}` : ''}; cost ${usd(record.cost.totalUsd)} (speech ${record.charactersPaid} of ${record.characters} characters paid); report ${reportPath}`);
  return result.outcome;
}

// --- internal ---

function usd(amount: number | null): string {
  return amount === null ? 'unknown (no price: set SUMMARIZE_PRICES / SUMMARIZE_TTS_PRICE)' : formatUsd(amount);
}
