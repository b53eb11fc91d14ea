import type { Warn } from '../archive/for-each-archived-edition.js';
import { createSpeechEngine } from '../audio/create-speech-engine.js';
import { editionLanguage } from '../edition/edition-messages.js';
import { writeCoverArt } from '../audio/write-cover-art.js';
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
  /** Told of every amount paid as it is paid, also when the episode then fails; null: price unknown. */
  onSpent?: (usd: number | null) => void;
  signal?: AbortSignal | undefined;
  now?: () => Date;
}

export interface PublishedEpisode extends MadeEpisode {
  /** `podcast.xml`, or undefined when there is no public URL to put in it. */
  feedPath: string | undefined;
}

/** The day's episode made, the podcast feed written, and the day's pages published again with the player. */
export async function publishEpisode(context: PaperContext, edition: Edition, options: PublishEpisodeOptions): Promise<PublishedEpisode> {
  const { config } = context;
  // The cover first: a bad SUMMARIZE_PODCAST_IMAGE is found before anything is paid, and the MP3 carries it.
  const cover = await writeCoverArt(config.outputDir, { title: config.podcastTitle, imagePath: config.podcastImage });
  const made = await makeEpisode(context, edition, { ...options, cover: cover.cover, speech: createSpeechEngine(config, { language: editionLanguage(edition) }) });
  const feed = await writePodcastFeed(config.outputDir, { publicUrl: config.publicUrl, title: config.podcastTitle, coverPath: cover.path, ownerEmail: readAddress(config.mailFrom) });
  if ('skipped' in feed) options.warn(feed.skipped);
  await publishDay(config, { ...edition, episode: undefined }, options.warn);
  return { ...made, feedPath: 'path' in feed ? feed.path : undefined };
}

// --- internal ---

// SUMMARIZE_MAIL_FROM is `"Name" <address>` or the address alone.
function readAddress(mailFrom: string | undefined): string | undefined {
  return mailFrom === undefined ? undefined : (/<([^>]+)>$/.exec(mailFrom)?.[1] ?? mailFrom);
}
