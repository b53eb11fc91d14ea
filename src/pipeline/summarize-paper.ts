import type { Brief, PaperMetadata } from '../brief/brief-schema.js';
import { type BriefPaths, getBriefPaths, isBriefReusable, readStoredBrief, writeBrief } from '../output/brief-store.js';
import type { PaperContext } from './create-paper-context.js';
import { generateBrief } from './generate-brief.js';
import { loadPaperText } from './load-paper-text.js';

export type PaperOutcome =
  | { outcome: 'skipped'; brief: Brief; paths: BriefPaths }
  | { outcome: 'summarized'; brief: Brief; paths: BriefPaths; downloadMs: number; extractMs: number; llmMs: number };

/** The one-paper path: reuse a stored brief of this version, model and prompts, else download, extract, brief and store. */
export async function summarizePaper(
  paper: PaperMetadata,
  context: PaperContext,
  { force = false, signal }: { force?: boolean; signal?: AbortSignal } = {},
): Promise<PaperOutcome> {
  const { config, prompts } = context;
  if (!force) {
    const stored = await readStoredBrief(config.outputDir, paper.id, paper.version);
    if (stored && isBriefReusable(stored, { model: config.model, promptVersion: prompts.version })) {
      return { outcome: 'skipped', brief: stored, paths: getBriefPaths(config.outputDir, paper.id, paper.version) };
    }
  }
  const paperText = await loadPaperText(paper, { ...context, signal });
  const llmStartedAt = performance.now();
  const brief = await generateBrief(paper, paperText, { config, prompts, llm: context.llm(), signal });
  const llmMs = Math.round(performance.now() - llmStartedAt);
  const paths = await writeBrief(config.outputDir, brief);
  return { outcome: 'summarized', brief, paths, downloadMs: paperText.downloadMs, extractMs: paperText.extractMs, llmMs };
}
