import { join } from 'node:path';
import { toPublicBaseUrl } from '../output/to-public-base-url.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { listEpisodeRecords } from './episode-record-store.js';
import { renderPodcastFeed } from './render-podcast-feed.js';

export interface WritePodcastFeedOptions {
  /** SUMMARIZE_PUBLIC_URL; without it there is no feed, since podcast apps need absolute https URLs. */
  publicUrl: string | undefined;
  title: string;
  /** The cover written by writeCoverArt, relative to the output folder. */
  coverPath: string;
  /** `itunes:owner`'s address (SUMMARIZE_MAIL_FROM's); default: none. */
  ownerEmail?: string | undefined;
}

/** `podcast.xml` with every episode; the reason when there can be no feed. */
export async function writePodcastFeed(outputDir: string, options: WritePodcastFeedOptions): Promise<{ path: string } | { skipped: string }> {
  if (options.publicUrl === undefined) {
    return { skipped: 'no podcast.xml: podcast apps need the episodes at a public URL; set SUMMARIZE_PUBLIC_URL to where the output folder is published' };
  }
  const path = join(outputDir, 'podcast.xml');
  const feed = renderPodcastFeed(await listEpisodeRecords(outputDir), {
    baseUrl: toPublicBaseUrl(options.publicUrl)!,
    title: options.title,
    imagePath: options.coverPath,
    ownerEmail: options.ownerEmail,
  });
  await writeFileAtomic(path, feed);
  return { path };
}
