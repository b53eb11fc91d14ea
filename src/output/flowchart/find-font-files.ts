import { existsSync } from 'node:fs';

export interface FontFile {
  path: string;
  family: string;
}

// Debian/Ubuntu (fonts-dejavu-core, fonts-liberation), Fedora, Alpine, macOS and Windows locations, most preferred first.
const CANDIDATE_FONT_FILES: readonly FontFile[] = [
  { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans' },
  { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf', family: 'DejaVu Sans' },
  { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', family: 'DejaVu Sans' },
  { path: '/usr/share/fonts/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans' },
  { path: '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf', family: 'DejaVu Sans' },
  { path: '/usr/share/fonts/ttf-dejavu/DejaVuSans.ttf', family: 'DejaVu Sans' },
  { path: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', family: 'Liberation Sans' },
  { path: '/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf', family: 'Liberation Sans' },
  { path: '/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf', family: 'Liberation Sans' },
  { path: '/System/Library/Fonts/Supplemental/Arial.ttf', family: 'Arial' },
  { path: 'C:\\Windows\\Fonts\\arial.ttf', family: 'Arial' },
];

/** The known sans-serif font files present on this machine, most preferred first (empty when none are). */
export function findFontFiles(exists: (path: string) => boolean = existsSync): FontFile[] {
  return CANDIDATE_FONT_FILES.filter((font) => exists(font.path));
}
