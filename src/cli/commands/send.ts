import { resolveDay } from '../../arxiv/resolve-day.js';
import { loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import { parseMailAddresses } from '../../mail/parse-mail-addresses.js';
import { acquireRunLock } from '../../pipeline/acquire-run-lock.js';
import type { Outcome } from '../../pipeline/outcome.js';
import { type SendEditionResult, sendEdition } from '../../pipeline/send-edition.js';
import { assertFolderWritable } from '../assert-folder-writable.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { collectSecrets, redactConfiguredSecrets } from '../redact-secrets.js';

const SEND_HELP = `summarize send [--date YYYY-MM-DD|yesterday|today] [--to a@x.org,b@y.org] [--dry-run] [--resend] [--out DIR] [--quiet]

Mails the day's edition (digests/<date>.email.html and .txt, written again from the stored briefs)
through SMTP_URL, from SUMMARIZE_MAIL_FROM to SUMMARIZE_MAIL_TO. Each edition goes out once per
list of recipients: digests/<date>.sent.json records who accepted it; a second send says so.

  --date D     the edition's day (default: today, UTC)
  --to LIST    recipients instead of SUMMARIZE_MAIL_TO, comma-separated
  --dry-run    write digests/<date>.eml and print subject, recipients and sizes; no SMTP
  --resend     send even if this edition already went to these recipients
  --out DIR    the output folder (default: SUMMARIZE_OUTPUT_DIR or ./output)
  --quiet      print errors only

Exit codes: 0 sent (or already sent), 1 not sent, 3 some recipients rejected.
`;

/** `summarize send`: parse flags, take the output folder's lock, mail the edition once. */
export async function runSend(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('send', argv, {
    date: { type: 'string' },
    to: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    resend: { type: 'boolean', default: false },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout.write(SEND_HELP);
    return 'done';
  }
  if (positionals.length > 0) throw new UsageError(`send: unexpected argument ${JSON.stringify(positionals[0])}`);
  const date = resolveDay(values.date ?? 'today');
  const to = values.to === undefined ? undefined : parseRecipientsFlag(values.to);
  const config = loadConfig({ env: io.env, flags: { outputDir: values.out } });
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');

  const secrets = collectSecrets(io.env);
  const say = (line: string) => {
    if (!values.quiet) io.stderr.write(redactConfiguredSecrets(`${line}\n`, secrets));
  };
  const lock = await acquireRunLock(config.outputDir, { command: `send --date ${date}` });
  let result: SendEditionResult;
  try {
    result = await sendEdition(config, { date, to, dryRun: values['dry-run'], resend: values.resend, log: say });
  } finally {
    await lock.release();
  }
  if (values['dry-run']) io.stdout.write(redactConfiguredSecrets(renderDryRun(result), secrets));
  if (result.outcome === 'done') say(result.summary);
  else io.stderr.write(redactConfiguredSecrets(`summarize: ${result.summary}\n`, secrets));
  return result.outcome;
}

// --- internal ---

function parseRecipientsFlag(value: string): string[] {
  const parsed = parseMailAddresses(value);
  if (typeof parsed === 'string') throw new UsageError(`send: --to: ${parsed}`);
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
