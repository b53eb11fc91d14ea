import { truncateText } from '../text/truncate-text.js';

// Long enough to recognize a paper, short enough for one line under a pick.
const MAX_TITLE_CHARACTERS = 70;

/** A title on one line, cut at 70 characters with an ellipsis. */
export function shortenTitle(title: string): string {
  return truncateText(title.replace(/\s+/g, ' ').trim(), MAX_TITLE_CHARACTERS);
}
