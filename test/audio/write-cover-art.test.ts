import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { writeCoverArt } from '../../src/audio/write-cover-art.js';

describe('the show\'s cover, as Apple takes it', () => {
  it('generates a 1,400 px square without an alpha channel when the show has none', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cover-'));
    const { path, cover } = await writeCoverArt(folder, { title: 'arXiv Brief', imagePath: undefined });
    const written = await readFile(join(folder, path));
    expect(path).toBe(join('audio', 'cover.png'));
    expect(written.equals(cover.data)).toBe(true);
    expect(await sharp(written).metadata()).toMatchObject({ width: 1400, height: 1400, channels: 3, hasAlpha: false });
  });

  it('flattens a transparent SUMMARIZE_PODCAST_IMAGE onto white, and keeps an opaque JPEG as it is', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cover-'));
    const transparent = join(folder, 'logo.png');
    await writeFile(transparent, await sharp({ create: { width: 1400, height: 1400, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0 } } }).png().toBuffer());
    const flattened = await writeCoverArt(folder, { title: 'arXiv Brief', imagePath: transparent });
    const image = sharp(flattened.cover.data);
    expect(await image.metadata()).toMatchObject({ format: 'png', channels: 3, hasAlpha: false });
    const { dominant } = await image.stats();
    expect(dominant).toMatchObject({ r: 248, g: 248, b: 248 });

    const photo = join(folder, 'photo.jpg');
    const jpeg = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#1f3a5f' } }).jpeg().toBuffer();
    await writeFile(photo, jpeg);
    const kept = await writeCoverArt(folder, { title: 'arXiv Brief', imagePath: photo });
    expect(kept).toMatchObject({ path: join('audio', 'cover.jpg'), cover: { mime: 'image/jpeg' } });
    expect(kept.cover.data.equals(jpeg)).toBe(true);
  });

  it('refuses an image podcast apps do not take, naming the setting', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cover-'));
    await expect(writeCoverArt(folder, { title: 'arXiv Brief', imagePath: join(folder, 'logo.gif') })).rejects.toThrow(/SUMMARIZE_PODCAST_IMAGE: .*logo\.gif is not a \.png or \.jpg file/);
  });
});
