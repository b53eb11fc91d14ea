import { resolveDay } from '../../arxiv/resolve-day.js';
import { loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import type { Outcome } from '../../run/outcome.js';
import { republishEdition } from '../../publish/republish-edition.js';
import type { CliIo } from '../cli-io.js';
import { parseLanguageTag } from '../../language/parse-language-tag.js';
import { parseStyleNames } from '../../brief/parse-style-names.js';
import { chooseEditionStyle } from '../../styles/choose-edition-style.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { formatCount } from '../../format/format-count.js';

/** `summarize digest --date D`: rebuild the day's digest, web and email editions, paper pages, archive and feeds from the stored files. */
export async function runDigest(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('digest', argv, { date: { type: 'string' }, out: { type: 'string' }, style: { type: 'string' }, language: { type: 'string' }, quiet: { type: 'boolean', default: false } });
  if (positionals.length > 0) throw new UsageError(`digest: unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.date) throw new UsageError('digest: --date YYYY-MM-DD|yesterday|today is required');
  const date = resolveDay(values.date);
  const config = loadConfig({ env: io.env, flags: { outputDir: values.out, styles: values.style === undefined ? undefined : parseStyleNames(values.style), language: values.language === undefined ? undefined : parseLanguageTag(values.language) } });
  // `--style` picks the edition's style again (the first listed: brief, or a prose style from the stored texts).
  const style = values.style === undefined ? undefined : (chooseEditionStyle(config.styles) ?? 'brief');
  const published = await republishEdition(config, date, { warn: (message) => io.stderr.write(`warning: ${message}\n`), style, language: values.language === undefined ? undefined : config.language });
  if (!values.quiet) io.stderr.write(`wrote ${published.markdown}, ${published.html}, the paper pages, ${published.index} and the feeds (${formatCount(published.papers, 'paper')})\n`);
  return 'done';
}
