import type { PaperEvent, ProgressReporter } from '../../run/progress-reporter.js';
import { formatUsd } from './format-usd.js';

/** A plain log for `summarize <id>`: what is being done to each paper and where its brief went; failures are the command's to print. */
export function createOneOffReporter(stream: NodeJS.WritableStream, { quiet = false }: { quiet?: boolean } = {}): ProgressReporter {
  const log = (line: string) => {
    if (!quiet) stream.write(`${line}\n`);
  };
  return {
    start() {},
    paperEvent(event: PaperEvent) {
      if (event.kind === 'downloading') log(`${event.id}: ${event.title ?? ''}`.trimEnd());
      if (event.kind === 'skipped') log(`${event.id}: already summarized with this model and these prompts; --force regenerates`);
      if (event.kind === 'summarized') log(`${event.id}: written (${event.costUsd === null || event.costUsd === undefined ? 'cost unknown for this model' : formatUsd(event.costUsd)})`);
    },
    log,
    warn: (line) => log(`warning: ${line}`),
    error: (line) => stream.write(`summarize: ${line}\n`),
    finish() {},
  };
}
