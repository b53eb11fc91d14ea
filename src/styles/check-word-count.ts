import type { z } from 'zod';
import { countWords } from './count-words.js';

/** A schema refinement: the texts together have between `min` and `max` words, said so the model can repair it. */
export function checkWordCount(texts: string[], words: { min: number; max: number }, context: z.RefinementCtx): void {
  const count = countWords(texts.join('\n'));
  if (count < words.min || count > words.max) {
    context.addIssue({ code: 'custom', message: `the text has ${count} words; write between ${words.min} and ${words.max}` });
  }
}
