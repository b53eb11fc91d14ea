/**
 * The digits of a number in a posting list, five bits each, most significant first: a digit from `more` is followed by
 * another, one from `last` ends the number. None needs escaping in a JSON string, so a list is one plain string and a
 * common term costs about two characters a brief.
 */
export const SEARCH_NUMBER_DIGITS = { more: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ6789-_', last: 'abcdefghijklmnopqrstuvwxyz012345' } as const;

/** The most characters a number below 2^35 takes. */
export const SEARCH_NUMBER_MAX_LENGTH = 7;

const MORE_CODES = Uint8Array.from(SEARCH_NUMBER_DIGITS.more, (digit) => digit.charCodeAt(0));
const LAST_CODES = Uint8Array.from(SEARCH_NUMBER_DIGITS.last, (digit) => digit.charCodeAt(0));

// Writes `number` (a non-negative integer below 2^35) as ASCII at `offset`, which has room for SEARCH_NUMBER_MAX_LENGTH; returns the offset after it.
export function writeSearchNumber(number: number, target: Uint8Array, offset: number): number {
  let length = 1;
  while (number >= 32 ** length) length += 1;
  let rest = number;
  for (let position = length - 1; position >= 0; position -= 1) {
    const digit = rest % 32;
    target[offset + position] = position === length - 1 ? LAST_CODES[digit]! : MORE_CODES[digit]!;
    rest = Math.floor(rest / 32);
  }
  return offset + length;
}
