import { parseArxivId } from '../../arxiv/parse-arxiv-id.js';
import { assertLlmConfigured, loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import { renderBriefMarkdown } from '../../output/render-brief-markdown.js';
import type { Outcome } from '../../run/outcome.js';
import { renderStyleMarkdown } from '../../styles/render-style-markdown.js';
import { summarizeIds } from '../../summarize/summarize-ids.js';
import { renderPodcastScriptMarkdown } from '../../styles/render-podcast-script-markdown.js';
import type { CliIo } from '../cli-io.js';
import { parseLanguageTag } from '../../language/parse-language-tag.js';
import { parseStyleNames } from '../../brief/parse-style-names.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { createOneOffReporter } from '../progress/create-one-off-reporter.js';
import { watchInterrupts } from '../watch-interrupts.js';

/** `summarize <id>...`: brief each paper, print markdown (or JSON) to stdout, log to stderr. */
export async function runSummarize(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs(null, argv, {
    json: { type: 'boolean', default: false },
    model: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    style: { type: 'string' },
    language: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    // No default: without the flag, SUMMARIZE_BATCH decides.
    batch: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('no arXiv ID given: e.g. `summarize 2509.08721`');
  // Every ID is checked before any request, so a typo in the third costs nothing.
  const ids = positionals.map((input) => parseArxivId(input));
  const config = loadConfig({ env: io.env, flags: { model: values.model, outputDir: values.out, batch: values.batch, styles: values.style === undefined ? undefined : parseStyleNames(values.style), language: values.language === undefined ? undefined : parseLanguageTag(values.language) } });
  assertLlmConfigured(config);

  const reporter = createOneOffReporter(io.stderr, { quiet: values.quiet });
  // Once papers are at the model, Ctrl-C lets them finish (they are paid for), a second one or SIGTERM abandons them; the report is written either way.
  const result = await summarizeIds(ids, { config, force: values.force, reporter, watchInterrupts: () => watchInterrupts(reporter) });
  const documents: string[] = [];
  for (const entry of result.papers) {
    if (entry.failure) io.stderr.write(`summarize: ${entry.failure}\n`);
    if (!entry.brief) continue;
    if (values.json) {
      // One document per paper: the brief, with every other style it was written in under `styles`.
      const styles = Object.fromEntries([...(entry.styles ?? []).map((styled) => [styled.style, styled] as const), ...(entry.podcast ? [['podcast', entry.podcast] as const] : [])]);
      documents.push(JSON.stringify(Object.keys(styles).length > 0 ? { ...entry.brief, styles } : entry.brief, null, 2));
      continue;
    }
    // The brief is always made (the edition is built from it) but printed only when asked for.
    if (config.styles.includes('brief')) documents.push(renderBriefMarkdown(entry.brief).trimEnd());
    for (const styled of entry.styles ?? []) documents.push(renderStyleMarkdown(styled).trimEnd());
    if (entry.podcast) documents.push(renderPodcastScriptMarkdown(entry.podcast).trimEnd());
  }
  // --json is always one array (empty when every paper failed), so `| jq '.[]'` reads one ID as it reads ten.
  if (values.json) io.stdout.write(documents.length === 0 ? '[]\n' : `[\n${documents.join(',\n')}\n]\n`);
  else if (documents.length > 0) io.stdout.write(`${documents.join('\n\n---\n\n')}\n`);
  return result.outcome;
}
