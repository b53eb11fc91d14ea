import { detect } from 'tinyld';
import { getMessages } from './messages.js';

/**
 * Whether texts are written in the language of `tag`, by a language-detection library (tinyld), not a guess.
 * Returns the detected ISO 639-1 code when they are not; undefined when they are or are too short to tell.
 * English is not checked: the prompts are English, and short technical English is what detectors mislabel most.
 */
export function findWrongLanguage(texts: string[], tag: string): string | undefined {
  if (tag.split('-')[0]!.toLowerCase() === 'en') return undefined;
  // Digits and formulas say nothing about the language around them.
  const detected = detect(texts.join('\n').replace(/[\d.,%±×=+\-/()[\]]+/g, ' '));
  const expected = tag.split('-')[0]!.toLowerCase();
  return detected === '' || detected === expected ? undefined : detected;
}

/** The user turn that asks once for the answer again in the right language. */
export function buildLanguageFeedback(detected: string, tag: string): string {
  return [
    `Your answer is written in ${detected}, but every text must be in ${getMessages(tag).name} (${tag}).`,
    'Answer again with the complete JSON object, every field included, in the same format, every text in that language; keep the numbers exactly as the paper gives them.',
  ].join('\n');
}
