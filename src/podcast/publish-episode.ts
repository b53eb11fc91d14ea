import type { Warn } from '../archive/for-each-archived-edition.js';
import { createSpeechEngine } from '../audio/create-speech-engine.js';
import { editionLanguage } from '../edition/edition-messages.js';
import { writePodcastFeed } from '../audio/write-podcast-feed.js';
import type { Edition } from '../edition/edition.js';
import type { PaperContext } from '../paper/create-paper-context.js';
import { makeEpisode, type MadeEpisode } from './make-episode.js';
import { publishDay } from '../publish/publish-day.js';
import type { SpendBudget } from '../run/spend-budget.js';

export interface PublishEpisodeOptions {
  top: number;
  budget: SpendBudget;
  log: (line: string) => void;
  warn: Warn;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface PublishedEpisode extends MadeEpisode {
  /** `podcast.xml`, or undefined when there is no public URL to put in it. */
  feedPath: string | undefined;
}

/** The day's episode made, the podcast feed written, and the day's pages published again with the player. */
export async function publishEpisode(context: PaperContext, edition: Edition, options: PublishEpisodeOptions): Promise<PublishedEpisode> {
  const { config } = context;
  const made = await makeEpisode(context, edition, { ...options, speech: createSpeechEngine(config, { language: editionLanguage(edition) }) });
  const feed = await writePodcastFeed(config.outputDir, { publicUrl: config.publicUrl, title: config.podcastTitle, imagePath: config.podcastImage });
  if ('skipped' in feed) options.warn(feed.skipped);
  await publishDay(config, { ...edition, episode: undefined }, options.warn);
  return { ...made, feedPath: 'path' in feed ? feed.path : undefined };
}
