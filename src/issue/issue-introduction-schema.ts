import { z } from 'zod';
import { checkWordCount } from '../styles/check-word-count.js';

const WORDS = { min: 60, max: 180 };

/** The issue's introduction as the model writes it: one paragraph of plain prose on the period's themes. */
export const IssueIntroductionSchema = z
  .object({
    introduction: z
      .string()
      .trim()
      .min(1)
      .refine((text) => !/^(#|[-*+] |\d+\. )/m.test(text) && !/\n\s*\n/.test(text), 'one paragraph of plain prose: no headings, lists or blank lines'),
  })
  .superRefine((content, context) => checkWordCount([content.introduction], WORDS, context));
