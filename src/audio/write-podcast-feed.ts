import { access, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { toPublicBaseUrl } from '../output/to-public-base-url.js';
import { ConfigError } from '../errors/brief-error.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { listEpisodeRecords } from './episode-record-store.js';
import { renderCoverArt } from './render-cover-art.js';
import { renderPodcastFeed } from './render-podcast-feed.js';

export interface WritePodcastFeedOptions {
  /** SUMMARIZE_PUBLIC_URL; without it there is no feed, since podcast apps need absolute https URLs. */
  publicUrl: string | undefined;
  title: string;
  /** SUMMARIZE_PODCAST_IMAGE: a square JPEG or PNG; default: a generated cover. */
  imagePath: string | undefined;
}

/** `podcast.xml` with every episode, and the cover beside the MP3s; the reason when there can be no feed. */
export async function writePodcastFeed(outputDir: string, options: WritePodcastFeedOptions): Promise<{ path: string } | { skipped: string }> {
  if (options.publicUrl === undefined) {
    return { skipped: 'no podcast.xml: podcast apps need the episodes at a public URL; set SUMMARIZE_PUBLIC_URL to where the output folder is published' };
  }
  const coverName = options.imagePath === undefined ? 'cover.png' : `cover${extname(options.imagePath).toLowerCase()}`;
  const coverPath = join(outputDir, 'audio', coverName);
  if (options.imagePath !== undefined) {
    if (!/^\.(png|jpe?g)$/.test(extname(options.imagePath).toLowerCase())) throw new ConfigError([`SUMMARIZE_PODCAST_IMAGE: ${options.imagePath} is not a .png or .jpg file; podcast apps take only those`]);
    let image: Buffer;
    try {
      image = await readFile(options.imagePath);
    } catch (error) {
      throw new ConfigError([`SUMMARIZE_PODCAST_IMAGE: cannot read ${options.imagePath} (${(error as NodeJS.ErrnoException).code})`]);
    }
    await writeFileAtomic(coverPath, image);
  } else if (!(await exists(coverPath))) {
    await writeFileAtomic(coverPath, renderCoverArt(options.title));
  }
  const path = join(outputDir, 'podcast.xml');
  const feed = renderPodcastFeed(await listEpisodeRecords(outputDir), { baseUrl: toPublicBaseUrl(options.publicUrl)!, title: options.title, imagePath: `audio/${coverName}` });
  await writeFileAtomic(path, feed);
  return { path };
}

// --- internal ---

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
