import { z } from 'zod';
import { toFileStem } from '../arxiv/to-file-stem.js';
import { SummarySchema } from '../brief/brief-schema.js';
import type { Edition } from './edition.js';

/** What the archive keeps of one paper of an edition: what the index, the search and the feeds show, nothing more. */
export const ArchivedPaperSchema = z.object({
  stem: z.string().regex(/^[A-Za-z0-9._-]+$/),
  title: z.string(),
  authors: z.array(z.string()),
  summary: SummarySchema,
  /** Strengths, limitations and implications as one text, for the search. */
  critique: z.string(),
  generatedAt: z.string(),
  reason: z.string().optional(),
});

/** `archive/editions/<date>.json`: written once per edition, so rebuilding the archive never reads old briefs again. */
export const EditionRecordSchema = z.object({
  schemaVersion: z.literal(1),
  date: z.string(),
  papers: z.array(ArchivedPaperSchema),
});
export type EditionRecord = z.infer<typeof EditionRecordSchema>;

// The archive's view of an edition: only the fields it shows or searches.
export function buildEditionRecord(edition: Edition): EditionRecord {
  return {
    schemaVersion: 1,
    date: edition.date,
    papers: edition.papers.map(({ brief, reason }) => ({
      stem: toFileStem(brief.paper.id, brief.paper.version),
      title: brief.paper.title,
      authors: brief.paper.authors,
      summary: brief.summary,
      critique: [...brief.critique.strengths, ...brief.critique.limitations, brief.critique.implications].join(' '),
      generatedAt: brief.generation.generatedAt,
      ...(reason === undefined ? {} : { reason }),
    })),
  };
}
