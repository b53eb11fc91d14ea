// Long enough to recognize a paper, short enough for one line under a pick.
const MAX_TITLE_CHARACTERS = 70;

/** A title on one line, cut at 70 characters with an ellipsis. */
export function shortenTitle(title: string): string {
  const oneLine = title.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_TITLE_CHARACTERS ? oneLine : `${oneLine.slice(0, MAX_TITLE_CHARACTERS - 1).trimEnd()}…`;
}
