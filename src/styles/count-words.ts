// Intl.Segmenter finds words in scripts without spaces (Chinese, Japanese) too, so limits hold in every language.
// Made on first use: loading its word data costs a run that counts no words a few dozen milliseconds.
let segmenter: Intl.Segmenter | undefined;

/** The words in a text, as a reader would count them. */
export function countWords(text: string): number {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}
