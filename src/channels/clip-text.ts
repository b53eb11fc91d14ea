/**
 * The text cut to at most `limit` UTF-16 code units (as Discord, Slack and Telegram count), with an ellipsis when cut:
 * a service refuses a field over its limit. The cut falls between whole characters, never inside an emoji sequence.
 */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let clipped = '';
  for (const { segment } of GRAPHEMES.segment(text)) {
    if (clipped.length + segment.length > limit - 1) break;
    clipped += segment;
  }
  return `${clipped}…`;
}

// --- internal ---

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
