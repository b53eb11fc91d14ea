import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { ConfigError } from '../errors/brief-error.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import type { CoverImage } from './encode-episode-mp3.js';
import { renderCoverArt } from './render-cover-art.js';

/**
 * `audio/cover.png` (or the `.jpg`/`.png` of SUMMARIZE_PODCAST_IMAGE) as Apple takes it: without an alpha channel,
 * which is flattened onto white when the image has one. Returned too, to be embedded in every episode's MP3.
 */
export async function writeCoverArt(outputDir: string, options: { title: string; imagePath: string | undefined }): Promise<{ path: string; cover: CoverImage }> {
  const extension = options.imagePath === undefined ? '.png' : extname(options.imagePath).toLowerCase();
  if (!/^\.(png|jpe?g)$/.test(extension)) throw new ConfigError([`SUMMARIZE_PODCAST_IMAGE: ${options.imagePath} is not a .png or .jpg file; podcast apps take only those`]);
  const source = options.imagePath === undefined ? Buffer.from(renderCoverArt(options.title)) : await readImage(options.imagePath);
  const mime = extension === '.png' ? 'image/png' : 'image/jpeg';
  let data: Buffer;
  try {
    const image = sharp(source);
    const { hasAlpha } = await image.metadata();
    data = !hasAlpha ? source : await (mime === 'image/png' ? image.flatten({ background: '#ffffff' }).png() : image.flatten({ background: '#ffffff' }).jpeg({ quality: 90 })).toBuffer();
  } catch (error) {
    throw new ConfigError([`SUMMARIZE_PODCAST_IMAGE: ${options.imagePath} is not a readable image (${(error as Error).message})`]);
  }
  const path = join('audio', `cover${extension === '.jpeg' ? '.jpg' : extension}`);
  await writeFileAtomic(join(outputDir, path), data);
  return { path, cover: { mime, data } };
}

// --- internal ---

async function readImage(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ConfigError([`SUMMARIZE_PODCAST_IMAGE: cannot read ${path} (${(error as NodeJS.ErrnoException).code})`]);
  }
}
