import { z } from 'zod';
import { ChecksSchema, GenerationSchema } from '../brief/brief-schema.js';

/** A paper's podcast segment as stored beside its brief: `papers/<id>v<n>.podcast.json`. */
export const PodcastScriptSchema = z.object({
  schemaVersion: z.literal(1),
  style: z.literal('podcast'),
  paperId: z.string(),
  version: z.number().int().positive(),
  title: z.string(),
  hosts: z.array(z.string()).min(1),
  /** BCP 47 tag of the language it is spoken in, its brief's; absent: English. */
  language: z.string().optional(),
  turns: z.array(z.object({ speaker: z.string(), text: z.string() })),
  checks: ChecksSchema,
  generation: GenerationSchema,
});
export type PodcastScript = z.infer<typeof PodcastScriptSchema>;
