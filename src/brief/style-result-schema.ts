import { z } from 'zod';
import { ChecksSchema, GenerationSchema, PaperMetadataSchema } from './brief-schema.js';
import { PROSE_STYLE_NAMES } from './style-names.js';

/** A paper written in a style other than the brief, stored next to it with the same checks and provenance. */
export const StyleResultSchema = z.object({
  schemaVersion: z.literal(1),
  style: z.enum(PROSE_STYLE_NAMES),
  /** BCP 47 tag of the language the text is written in. */
  language: z.string().min(1),
  paper: PaperMetadataSchema,
  /** What the model wrote, in the style's own schema (see src/styles/). */
  content: z.record(z.string(), z.unknown()),
  checks: ChecksSchema,
  generation: GenerationSchema,
  /** The paper's figures this text shows (files relative to `papers/`) and where they came from; 'none': written without figures. */
  figures: z
    .object({
      source: z.enum(['html', 'pdf', 'none']),
      shown: z.array(z.object({ number: z.number().int().positive(), caption: z.string(), file: z.string().regex(/^[\w.-]+\.figures\/figure-\d+\.(png|jpg)$/) })),
    })
    .optional(),
});
export type StyleResult = z.infer<typeof StyleResultSchema>;
