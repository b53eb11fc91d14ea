/** The OpenAI speech endpoint's input limit, in characters. */
export const SPEECH_INPUT_LIMIT = 4096;

/**
 * Splits spoken text at sentence boundaries into pieces of at most `maxCharacters`, so no request
 * is refused for length and no sentence is cut in the middle of a word.
 */
export function splitSpeechText(text: string, maxCharacters = SPEECH_INPUT_LIMIT): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const sentence of splitSentences(text)) {
    for (const part of splitLongSentence(sentence, maxCharacters)) {
      if (current && current.length + 1 + part.length > maxCharacters) {
        pieces.push(current);
        current = '';
      }
      current = current ? `${current} ${part}` : part;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

// --- internal ---

function splitSentences(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  return [...segmenter.segment(text.replace(/\s+/g, ' ').trim())].map((part) => part.segment.trim()).filter(Boolean);
}

// A run-on "sentence" longer than the limit is cut at the last space before it, then at the limit itself.
function splitLongSentence(sentence: string, maxCharacters: number): string[] {
  const parts: string[] = [];
  let rest = sentence;
  while (rest.length > maxCharacters) {
    const space = rest.lastIndexOf(' ', maxCharacters);
    const cut = space > 0 ? space : maxCharacters;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}
