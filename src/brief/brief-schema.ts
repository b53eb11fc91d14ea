import { z } from 'zod';
import { FlowchartSchema } from './flowchart-schema.js';

// The single source of truth for the published JSON; scripts/export-schema.ts writes schema/brief.schema.json from it.

const sentence = z.string().trim().min(1);

/** Most words a TLDR may have: one line a reader takes in at a glance. */
export const TLDR_MAX_WORDS = 30;

// The one-sentence takeaway readers skim in the email, the web edition and chat messages.
const tldr = sentence
  .refine((text) => text.split(/\s+/).length <= TLDR_MAX_WORDS, { message: `the tldr must be one sentence of at most ${TLDR_MAX_WORDS} words` })
  .describe(`one sentence of at most ${TLDR_MAX_WORDS} words: what the paper does and its main result`);

export const PaperMetadataSchema = z.object({
  id: z.string().describe('arXiv ID without version, e.g. 2509.08721 or hep-th/9108004'),
  version: z.number().int().positive(),
  title: z.string().min(1),
  authors: z.array(z.string()),
  published: z.string().describe('ISO 8601 timestamp of version 1'),
  updated: z.string().describe('ISO 8601 timestamp of this version'),
  primaryCategory: z.string(),
  categories: z.array(z.string()),
  abstract: z.string(),
  absUrl: z.string().url(),
  pdfUrl: z.string().url(),
  comment: z.string().optional().describe("the authors' arXiv comment, e.g. \"15 pages, accepted at NeurIPS 2025\""),
  journalRef: z.string().optional().describe('arXiv journal_ref: where the paper was published'),
  doi: z.string().optional().describe('the published version\'s DOI, e.g. 10.1103/PhysRevD.1.1'),
  upvotes: z.number().int().nonnegative().optional().describe('Hugging Face daily-papers upvotes when the paper came from there'),
  githubRepo: z.string().url().optional().describe('the code repository, from Hugging Face (https only)'),
  projectPage: z.string().url().optional().describe('the project page, from Hugging Face (https only)'),
});
export type PaperMetadata = z.infer<typeof PaperMetadataSchema>;

export const SummarySchema = z.object({
  topicAndDomain: sentence,
  previousResearchAndNewIdeas: sentence,
  problem: sentence,
  methods: sentence,
  resultsAndEvaluation: sentence,
});
export type Summary = z.infer<typeof SummarySchema>;

export const CritiqueSchema = z.object({
  strengths: z.array(sentence).min(1),
  limitations: z.array(sentence).min(1),
  implications: sentence,
});
export type Critique = z.infer<typeof CritiqueSchema>;

export const QuizQuestionSchema = z
  .object({
    question: sentence,
    options: z.array(sentence).length(3),
    answerIndex: z.number().int().min(0).max(2),
    explanation: sentence,
  })
  .refine((question) => new Set(question.options.map((option) => option.toLowerCase())).size === 3, {
    message: 'the three options must be distinct',
    path: ['options'],
  });
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;

/** What the model writes; everything else in the brief is ours. */
export const BriefContentSchema = z.object({
  tldr,
  summary: SummarySchema,
  critique: CritiqueSchema,
  quiz: z.array(QuizQuestionSchema).length(3),
  flowchart: FlowchartSchema,
});
export type BriefContent = z.infer<typeof BriefContentSchema>;

const TokenCountsSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedInputTokens: z.number().int().nonnegative(),
});

export const UsageSchema = TokenCountsSchema.extend({
  batched: TokenCountsSchema.optional().describe('the part of these tokens answered through the Batch API, billed at its price (half); the rest at the list price'),
});
export type Usage = z.infer<typeof UsageSchema>;

export const SourceSchema = z.object({
  kind: z.literal('pdf'),
  pages: z.number().int().nonnegative(),
  chars: z.number().int().nonnegative().describe('characters of the cleaned paper text'),
  tokens: z.number().int().nonnegative().describe('tokens of the paper text the model read (after fitting)'),
  truncated: z.boolean().describe('true when anything of the paper body was left out'),
  referencesRemoved: z.boolean(),
  dropped: z.array(z.string()).describe('sections left out to fit the context, by heading'),
  mapReduce: z.boolean().describe('true when the paper was briefed from per-section notes'),
});
export type Source = z.infer<typeof SourceSchema>;

export const ChecksSchema = z.object({
  ungroundedNumbers: z.array(z.string()).describe('numbers in the brief not found in the paper text'),
  warnings: z.array(z.string()).describe('anything a reader should know before publishing'),
});
export type Checks = z.infer<typeof ChecksSchema>;

export const GenerationSchema = z.object({
  model: z.string(),
  promptVersion: z.string(),
  generatedAt: z.string(),
  durationMs: z.number().nonnegative(),
  attempts: z.number().int().positive(),
  usage: UsageSchema,
  costUsd: z.number().nonnegative().nullable(),
  source: SourceSchema,
  language: z.string().optional().describe('BCP 47 tag of the language the texts are written in; absent in briefs from before languages: en'),
});
export type Generation = z.infer<typeof GenerationSchema>;

export const BriefSchema = z.object({
  schemaVersion: z.literal(1),
  paper: PaperMetadataSchema,
  tldr: tldr.optional().describe('absent in briefs written before the TLDR existed; readers then see the first summary point'),
  summary: SummarySchema,
  critique: CritiqueSchema,
  quiz: z.array(QuizQuestionSchema).length(3),
  flowchart: FlowchartSchema,
  checks: ChecksSchema,
  generation: GenerationSchema,
});
export type Brief = z.infer<typeof BriefSchema>;
