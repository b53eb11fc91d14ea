import { z } from 'zod';
import { ChecksSchema, UsageSchema } from '../brief/brief-schema.js';
import { PROSE_STYLE_NAMES } from '../brief/style-names.js';

/** `issues/<period>.json`: what an issue is made of, so a rerun with the same papers, model and prompt pays nothing. */
export const IssueRecordSchema = z.object({
  schemaVersion: z.literal(1),
  /** `2025-09` or `2025-W37`. */
  period: z.string(),
  title: z.string(),
  style: z.enum(PROSE_STYLE_NAMES),
  language: z.string(),
  /** In the order the issue shows them; each paper's text in the style is `papers/<stem>.<style>.json`. */
  papers: z.array(z.object({ stem: z.string(), id: z.string(), version: z.number().int().positive(), title: z.string(), reason: z.string().optional() })),
  introduction: z.object({
    text: z.string(),
    checks: ChecksSchema,
    model: z.string(),
    promptVersion: z.string(),
    generatedAt: z.string(),
    usage: UsageSchema,
    costUsd: z.number().nullable(),
  }),
});
export type IssueRecord = z.infer<typeof IssueRecordSchema>;
