/** The punctuation English, Spanish and German share around the tool's words (French spaces its colon, CJK has its own). */
export const WESTERN_PUNCTUATION = { colon: ': ', comma: ', ', listSeparator: ', ', clauseSeparator: '; ', fullStop: '.' } as const;
