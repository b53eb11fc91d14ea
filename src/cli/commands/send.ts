import type { Channel } from '../../config/parse-channel-url.js';
import { parseChannelUrls } from '../../config/parse-channel-urls.js';
import { resolveDay } from '../../arxiv/resolve-day.js';
import { loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import { parseMailAddresses } from '../../config/parse-mail-addresses.js';
import type { Outcome } from '../../run/outcome.js';
import type { ResendScope } from '../../reader-sends/plan-mail-round.js';
import { mailEdition } from '../../send/mail-edition.js';
import { readSendStatus } from '../../send/read-send-status.js';
import { sendIssue } from '../../send/send-issue.js';
import { getIssueMailKey } from '../../issue/issue-store.js';
import { parsePeriodKey } from '../../issue/period.js';
import { parseLanguageTag } from '../../language/parse-language-tag.js';
import type { SendEditionResult } from '../../send/send-edition.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';

/** `summarize send`: parse flags, then mail the edition (or issue) once to each reader, or show each reader's state (`--status`). */
export async function runSend(argv: string[], io: CliIo): Promise<Outcome> {
  const { rest, resend } = takeResendFlag(argv);
  const { values, positionals } = parseCommandArgs('send', rest, {
    date: { type: 'string' },
    issue: { type: 'string' },
    language: { type: 'string' },
    to: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    resend: { type: 'boolean', default: false },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    webhook: { type: 'string', multiple: true },
    'mail-only': { type: 'boolean', default: false },
    'channels-only': { type: 'boolean', default: false },
    status: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`send: unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.issue !== undefined && values.date !== undefined) throw new UsageError('send: --issue and --date exclude each other; pass one');
  const period = values.issue === undefined ? undefined : parsePeriodKey(values.issue);
  if (period && (values['channels-only'] || values.webhook)) throw new UsageError('send: an issue goes by mail only; drop --channels-only and --webhook');
  const date = resolveDay(values.date ?? 'today');
  const to = values.to === undefined ? undefined : parseRecipientsFlag(values.to);
  if (values['mail-only'] && values['channels-only']) throw new UsageError('send: --mail-only and --channels-only exclude each other; pass one');
  const only = values['mail-only'] ? 'mail' : values['channels-only'] ? 'channels' : undefined;
  const channels = values.webhook === undefined ? undefined : parseWebhookFlags(values.webhook);
  // Issues are kept per language, as briefs are; an edition is mailed in the language it was made in.
  if (values.language !== undefined && period === undefined) throw new UsageError('send: --language picks the issue to mail (with --issue); an edition goes out in the language it was made in');
  const config = loadConfig({ env: io.env, flags: { outputDir: values.out, language: values.language === undefined ? undefined : parseLanguageTag(values.language) } });
  if (values.status) {
    if (values['dry-run'] || resend !== undefined) throw new UsageError('send: --status only reads the record; drop --dry-run and --resend');
    io.stdout.write(await readSendStatus(config, period ? { key: getIssueMailKey(period.key, config.language), name: `the issue of ${period.title}`, to } : { key: date, name: `the edition of ${date}`, to }));
    return 'done';
  }
  // main.ts redacts every configured secret (the SMTP password too) from what is written here.
  const say = (line: string) => {
    if (!values.quiet) io.stderr.write(`${line}\n`);
  };
  const mailOptions = { to, dryRun: values['dry-run'], resend, log: say };
  const result = period ? { ...(await sendIssue(config, period, mailOptions)), mailed: true } : await mailEdition(config, { ...mailOptions, date, channels, only });
  if (values['dry-run'] && result.mailed) io.stdout.write(renderDryRun(result));
  if (result.outcome === 'done') say(result.summary);
  else io.stderr.write(result.summary.split('\n').map((line) => `summarize: ${line}\n`).join(''));
  return result.outcome;
}

// --- internal ---

// `--resend` takes an optional word, which parseArgs cannot say: `--resend all` repeats every reader, `--resend` alone the uncertain ones.
function takeResendFlag(argv: readonly string[]): { rest: string[]; resend: ResendScope | undefined } {
  const rest: string[] = [];
  let resend: ResendScope | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--resend') {
      resend = argv[index + 1] === 'all' ? 'all' : 'uncertain';
      if (resend === 'all') index++;
    } else if (argument.startsWith('--resend=')) {
      const value = argument.slice('--resend='.length);
      if (value !== 'all' && value !== 'uncertain') throw new UsageError(`send: --resend takes \`all\` or nothing, not ${JSON.stringify(value)}`);
      resend = value;
    } else rest.push(argument);
  }
  return { rest, resend };
}

function parseRecipientsFlag(value: string): string[] {
  const parsed = parseMailAddresses(value);
  if (typeof parsed === 'string') throw new UsageError(`send: --to: ${parsed}`);
  return parsed;
}

// The URLs are secrets: a problem names the webhook's position, never its text.
function parseWebhookFlags(values: string[]): Channel[] {
  const parsed = parseChannelUrls(values);
  if (typeof parsed === 'string') throw new UsageError(`send: --webhook: ${parsed}`);
  return parsed;
}

function renderDryRun(result: SendEditionResult): string {
  const kilobytes = (bytes: number | undefined) => `${((bytes ?? 0) / 1000).toFixed(1)} kB`;
  return [
    `Subject:    ${result.subject ?? ''}`,
    `To:         ${(result.recipients ?? []).join(', ')}`,
    `Message-ID: ${result.messageId ?? ''}`,
    `HTML:       ${kilobytes(result.sizes?.html)} (Gmail clips above 102 kB)`,
    `Text:       ${kilobytes(result.sizes?.text)}`,
    `Message:    ${kilobytes(result.sizes?.message)} with attachments`,
    `Written:    ${result.emlPath ?? ''}`,
    '',
  ].join('\n');
}
