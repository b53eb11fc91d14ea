import { measureText } from './measure-text.js';

// Greedy word wrap by estimated width; a word longer than a line is cut so no line overflows its box.
export function wrapLabel(text: string, maxWidth: number, fontSize: number): string[] {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words.flatMap((word) => splitLongWord(word, maxWidth, fontSize))) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measureText(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

// --- internal ---

function splitLongWord(word: string, maxWidth: number, fontSize: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece !== '' && measureText(piece + character, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
