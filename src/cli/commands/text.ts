import { existsSync } from 'node:fs';
import { buildUserAgent } from '../../arxiv/build-user-agent.js';
import { type ArxivQueue, createArxivQueue } from '../../arxiv/create-arxiv-queue.js';
import { fetchPaperMetadata } from '../../arxiv/fetch-paper-metadata.js';
import { formatArxivId } from '../../arxiv/format-arxiv-id.js';
import { PaperNotFoundError } from '../../arxiv/paper-not-found-error.js';
import { parseArxivId } from '../../arxiv/parse-arxiv-id.js';
import { toFileStem } from '../../arxiv/to-file-stem.js';
import { loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import { downloadPdf } from '../../pdf/download-pdf.js';
import { createPdfExtractor } from '../../pdf/extract-text.js';
import { createPaperCache } from '../../pipeline/paper-cache.js';
import type { CliIo } from '../cli-io.js';
import type { Outcome } from '../../pipeline/outcome.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { readPackageVersion } from '../../config/read-package-version.js';
import { readPdfFile, runTextCommand } from '../text-command.js';

/** `summarize text <id | file.pdf>... [--stats]`: the cleaned text the model would read. */
export async function runText(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('text', argv, { stats: { type: 'boolean', default: false } });
  if (positionals.length === 0) throw new UsageError('text: give a PDF file or an arXiv ID, e.g. `summarize text 2509.08721` or `summarize text paper.pdf`');
  // A path that exists is a file; anything else must be an arXiv ID, checked before any work.
  const inputs = positionals.map((input) => (existsSync(input) || input.toLowerCase().endsWith('.pdf') ? { input } : { input, arxivId: parseArxivId(input) }));

  const config = loadConfig({ env: io.env });
  const cache = createPaperCache(config.cacheDir);
  let queue: ArxivQueue | undefined;
  const extractor = createPdfExtractor({ poolSize: 1 });
  try {
    const failures = await runTextCommand(positionals, { stats: values.stats }, {
      extractor,
      stdout: (text) => io.stdout.write(text),
      stderr: (text) => io.stderr.write(text),
      async loadPdf(input) {
        const arxivId = inputs.find((entry) => entry.input === input)?.arxivId;
        if (!arxivId) return readPdfFile(input);
        queue ??= createArxivQueue({
          minIntervalMs: config.arxivMinIntervalMs,
          maxRetryAfterMs: config.maxRetryAfterMs,
          userAgent: buildUserAgent(readPackageVersion()),
        });
        const paper = (await fetchPaperMetadata(queue, config.arxivApiUrl, [arxivId])).get(arxivId.id);
        if (!paper) throw new PaperNotFoundError(formatArxivId(arxivId));
        const cached = await cache.readPdf(paper.id, paper.version);
        const bytes = cached ?? (await downloadPdf(queue, config.arxivPdfUrl, paper.id, paper.version, { maxBytes: config.pdfMaxBytes, timeoutMs: config.pdfTimeoutMs }));
        if (!cached) await cache.writePdf(paper.id, paper.version, bytes);
        return { name: toFileStem(paper.id, paper.version), bytes };
      },
    });
    return failures > 0 ? 'failed' : 'done';
  } finally {
    await Promise.all([extractor.close(), queue?.close()]);
  }
}
