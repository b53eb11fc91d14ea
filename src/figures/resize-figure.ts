import sharp from 'sharp';

/** Web-sized limits of a stored figure. */
export const FIGURE_LIMITS = { maxWidth: 1_200, maxBytes: 300_000 };

/** A figure image re-encoded for the web: at most 1,200 px wide and 300 KB, PNG when it fits (sharp line art), else JPEG. */
export async function resizeFigure(image: Uint8Array): Promise<{ data: Buffer; extension: 'png' | 'jpg'; width: number; height: number }> {
  const metadata = await sharp(image).metadata();
  let width = Math.min(metadata.width ?? FIGURE_LIMITS.maxWidth, FIGURE_LIMITS.maxWidth);
  // Smaller steps first in quality, then in width, until the file fits.
  for (;;) {
    const base = () => sharp(image).flatten({ background: '#ffffff' }).resize({ width, withoutEnlargement: true });
    const png = await base().png({ palette: true, compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
    if (png.data.length <= FIGURE_LIMITS.maxBytes) return { data: png.data, extension: 'png', width: png.info.width, height: png.info.height };
    for (const quality of [85, 70, 55]) {
      const jpeg = await base().jpeg({ quality, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      if (jpeg.data.length <= FIGURE_LIMITS.maxBytes) return { data: jpeg.data, extension: 'jpg', width: jpeg.info.width, height: jpeg.info.height };
    }
    width = Math.floor(width * 0.75);
  }
}
