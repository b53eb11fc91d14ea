import { fetchPaperMetadata } from '../../arxiv/fetch-paper-metadata.js';
import type { ArxivQueue } from '../../arxiv/create-arxiv-queue.js';
import { dedupeArxivIds } from '../../arxiv/dedupe-arxiv-ids.js';
import { formatArxivId } from '../../arxiv/format-arxiv-id.js';
import { PaperNotFoundError } from '../../arxiv/paper-not-found-error.js';
import { type ArxivId, parseArxivId } from '../../arxiv/parse-arxiv-id.js';
import type { PaperMetadata } from '../../brief/brief-schema.js';
import { assertLlmConfigured, loadConfig } from '../../config/load-config.js';
import { BriefError, UsageError } from '../../errors/brief-error.js';
import { renderBriefMarkdown } from '../../output/render-brief-markdown.js';
import { createPaperContext } from '../../pipeline/create-paper-context.js';
import { summarizePaper } from '../../pipeline/summarize-paper.js';
import { assertFolderWritable } from '../assert-folder-writable.js';
import type { CliIo } from '../cli-io.js';
import type { Outcome } from '../../pipeline/outcome.js';
import { parseCommandArgs } from '../parse-command-args.js';

/** `summarize <id>...`: brief each paper, print markdown (or JSON) to stdout, log to stderr. */
export async function runSummarize(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs(null, argv, {
    json: { type: 'boolean', default: false },
    model: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) throw new UsageError('no arXiv ID given: e.g. `summarize 2509.08721`');
  // Every ID is checked before any request, so a typo in the third costs nothing.
  const ids = positionals.map((input) => parseArxivId(input));
  const config = loadConfig({ env: io.env, flags: { model: values.model, outputDir: values.out } });
  assertLlmConfigured(config);
  // Found out now, not after the model was paid for.
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  await assertFolderWritable(config.cacheDir, 'SUMMARIZE_CACHE_DIR');
  const log = (line: string) => {
    if (!values.quiet) io.stderr.write(`${line}\n`);
  };

  const context = await createPaperContext(config, { extractorPoolSize: 1 });
  let failures = 0;
  try {
    log(`looking up ${ids.map(formatArxivId).join(', ')} on arXiv`);
    const metadata = await lookUpPapers(context.arxivQueue, config.arxivApiUrl, ids);
    const documents: string[] = [];
    for (const arxivId of ids) {
      const label = formatArxivId(arxivId);
      try {
        const paper = metadata.get(label);
        if (!paper) throw new PaperNotFoundError(label);
        log(`${label}: ${paper.title}`);
        const result = await summarizePaper(paper, context, { force: values.force });
        log(
          result.outcome === 'skipped'
            ? `${label}: already summarized with this model and these prompts (${result.paths.json}); --force regenerates`
            : `${label}: wrote ${result.paths.json} and ${result.paths.markdown} (${describeCost(result.brief.generation.costUsd)})`,
        );
        documents.push(values.json ? JSON.stringify(result.brief, null, 2) : renderBriefMarkdown(result.brief).trimEnd());
      } catch (error) {
        if (!(error instanceof BriefError) || error instanceof UsageError) throw error;
        failures += 1;
        io.stderr.write(`summarize: ${error.message}\n`);
      }
    }
    if (documents.length > 0) {
      io.stdout.write(values.json && ids.length > 1 ? `[\n${documents.join(',\n')}\n]\n` : `${documents.join('\n\n---\n\n')}\n`);
    }
  } finally {
    await context.close();
  }
  return failures > 0 ? 'failed' : 'done';
}

// --- internal ---

/** Metadata keyed by the ID as typed; several versions of one paper each get their own. */
async function lookUpPapers(queue: ArxivQueue, apiUrl: string, ids: ArxivId[]): Promise<Map<string, PaperMetadata>> {
  const found = await fetchPaperMetadata(queue, apiUrl, ids);
  const looked = new Map(dedupeArxivIds(ids).map((arxivId) => [arxivId.id, arxivId.version]));
  const papers = new Map<string, PaperMetadata>();
  for (const arxivId of ids) {
    const label = formatArxivId(arxivId);
    if (papers.has(label)) continue;
    // The batch lookup asks for one version per paper; another version typed on the same line needs its own request.
    const paper = looked.get(arxivId.id) === arxivId.version ? found.get(arxivId.id) : (await fetchPaperMetadata(queue, apiUrl, [arxivId])).get(arxivId.id);
    if (paper) papers.set(label, paper);
  }
  return papers;
}

function describeCost(costUsd: number | null): string {
  return costUsd === null ? 'cost unknown for this model' : `$${costUsd.toFixed(4)}`;
}
