import { Resvg } from '@resvg/resvg-js';
import { escapeHtml } from '../output/escape-html.js';
import { findFontFiles } from '../output/flowchart/find-font-files.js';

/** Podcast apps ask for a square of 1,400 to 3,000 px. */
export const COVER_SIZE = 1400;

/** A plain cover with the show's title, for shows without artwork of their own. */
export function renderCoverArt(title: string): Uint8Array {
  const fontFiles = findFontFiles();
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_SIZE}" height="${COVER_SIZE}" viewBox="0 0 1400 1400">`,
    '<rect width="1400" height="1400" fill="#1f3a5f"/>',
    '<circle cx="1100" cy="300" r="180" fill="#f2b134"/>',
    `<text x="120" y="900" font-size="${title.length > 14 ? 110 : 150}" font-weight="bold" fill="#ffffff">${escapeHtml(title)}</text>`,
    '<text x="120" y="1040" font-size="70" fill="#d7e3f4">papers, explained aloud</text>',
    '</svg>',
  ].join('');
  const resvg = new Resvg(svg, {
    font: fontFiles.length === 0 ? { loadSystemFonts: true } : { loadSystemFonts: false, fontFiles: fontFiles.map((font) => font.path), defaultFontFamily: fontFiles[0]!.family },
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
}
