// Intl.Segmenter finds words in scripts without spaces (Chinese, Japanese) too, so limits hold in every language.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** The words in a text, as a reader would count them. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}
