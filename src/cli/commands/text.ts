import { loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import type { Outcome } from '../../run/outcome.js';
import { printPaperTexts } from '../../paper/print-paper-texts.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';

/** `summarize text <id | file.pdf>... [--stats]`: the cleaned text the model would read. */
export async function runText(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('text', argv, {
    stats: { type: 'boolean', default: false },
    // Accepted as by every command; text writes only errors to stderr already.
    quiet: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) throw new UsageError('text: give a PDF file or an arXiv ID, e.g. `summarize text 2509.08721` or `summarize text paper.pdf`');
  const config = loadConfig({ env: io.env });
  return printPaperTexts(positionals, { config, stats: values.stats, stdout: (text) => io.stdout.write(text), stderr: (text) => io.stderr.write(text) });
}
