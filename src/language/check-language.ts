import { createRequire } from 'node:module';
import { describeLanguageName } from './describe-language-name.js';
import { stripNonProse } from './strip-non-prose.js';

/** Fewer letters of prose than this (a CJK character counts as three) and a detector guesses: the text is not judged. */
const MIN_PROSE_LETTERS = 40;

/**
 * Whether texts are written in the language of `tag`, by a language-detection library (tinyld), not a guess.
 * Returns the detected ISO 639-1 code when they are not; undefined when they are or have too little prose to tell.
 * English is not checked: the prompts are English, and short technical English is what detectors mislabel most.
 */
export function findWrongLanguage(texts: string[], tag: string): string | undefined {
  const expected = tag.split('-')[0]!.toLowerCase();
  if (expected === 'en') return undefined;
  // Formulas, numbers and acronyms say nothing about the language around them (Greek letters read as Greek).
  const prose = stripNonProse(texts.join('\n'));
  if (countProseLetters(prose) < MIN_PROSE_LETTERS) return undefined;
  const detected = readHanScript(prose, loadDetector().detect(prose));
  return detected === '' || detected === expected ? undefined : detected;
}

/** The user turn that asks once for the answer again in the right language. */
export function buildLanguageFeedback(detected: string, tag: string): string {
  return [
    `Your answer is written in ${describeLanguageName(detected)}, but every text must be in ${describeLanguageName(tag)}.`,
    'Answer again with the complete JSON object, every field included, in the same format, every text in that language; keep the numbers exactly as the paper gives them.',
  ].join('\n');
}

// --- internal ---

const require = createRequire(import.meta.url);
let detector: typeof import('tinyld') | undefined;

// tinyld builds its tables as it loads (a quarter of a second): only runs that check a language pay for it.
function loadDetector(): typeof import('tinyld') {
  detector ??= require('tinyld') as typeof import('tinyld');
  return detector;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function countProseLetters(text: string): number {
  let letters = 0;
  for (const character of text.match(/\p{L}/gu) ?? []) letters += CJK.test(character) ? 3 : 1;
  return letters;
}

// Han with kana is Japanese, without it Chinese: tinyld confuses the two on texts with few characters.
function readHanScript(text: string, detected: string): string {
  if (detected !== 'zh' && detected !== 'ja') return detected;
  return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) ? 'ja' : 'zh';
}
