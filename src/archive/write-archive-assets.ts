import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { ARCHIVE_SEARCH_SCRIPT } from '../search/archive-search-script.js';
import { ARCHIVE_STYLESHEET } from './archive-stylesheet.js';
import { EPISODE_PLAYER_SCRIPT } from './episode-player-script.js';
import { READER_FEEDBACK_SCRIPT } from './reader-feedback-script.js';

// A page with a folded corner, in the archive's link blue.
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M7 3h13l6 6v20H7z" fill="#1d4ed8"/><path d="M20 3v6h6" fill="#93c5fd"/><path d="M11 15h11M11 20h11M11 25h7" stroke="#fff" stroke-width="2"/></svg>\n';

/** `assets/`: the stylesheet, the icon, and the search box, episode player and reader feedback scripts. */
export async function writeArchiveAssets(outputDir: string): Promise<void> {
  const folder = join(outputDir, 'assets');
  await writeFileAtomic(join(folder, 'archive.css'), ARCHIVE_STYLESHEET);
  await writeFileAtomic(join(folder, 'archive-search.js'), ARCHIVE_SEARCH_SCRIPT);
  await writeFileAtomic(join(folder, 'favicon.svg'), FAVICON);
  await writeFileAtomic(join(folder, 'episode-player.js'), EPISODE_PLAYER_SCRIPT);
  await writeFileAtomic(join(folder, 'reader-feedback.js'), READER_FEEDBACK_SCRIPT);
}

