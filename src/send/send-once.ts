import { join } from 'node:path';
import { ENV_NAMES, type Config } from '../config/config-schema.js';
import { ConfigError } from '../errors/brief-error.js';
import { buildRawMessage } from '../smtp/build-raw-message.js';
import type { composeEditionMessage } from '../mail/compose-edition-message.js';
import { deliverToReaders, type ReaderCopy } from '../smtp/deliver-to-readers.js';
import { describeSmtpFailure } from '../smtp/describe-smtp-failure.js';
import { hideAddresses } from '../reader-sends/hide-addresses.js';
import { planMailRound, type ResendScope } from '../reader-sends/plan-mail-round.js';
import { signFeedbackLinks } from '../mail/sign-feedback-links.js';
import { signPaperPageLinks } from '../mail/sign-paper-page-links.js';
import { toHttpsBase } from '../mail/resolve-paper-links.js';
import { toPublicBaseUrl } from '../output/to-public-base-url.js';
import { toMailbox } from '../reader-sends/to-mailbox.js';
import type { MailingKind } from '../output/attempt-log.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type MailAudience, openMailAudience } from '../readers/open-mail-audience.js';
import type { Outcome } from '../run/outcome.js';
import { collectConfigSecrets } from '../secrets/collect-secrets.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { checkMailConfig } from './check-mail-config.js';
import { describeMailRound } from './describe-mail-round.js';

export interface SendEditionOptions {
  /** YYYY-MM-DD, already resolved. */
  date: string;
  /** Overrides SUMMARIZE_MAIL_TO; already checked addresses. */
  to?: readonly string[] | undefined;
  /** Write `mail/<date>.eml` instead of talking to the SMTP server. */
  dryRun: boolean;
  /** `--resend`: also the readers whose copy may have gone out (`uncertain`), or every reader again (`all`). Default: neither. */
  resend?: ResendScope | undefined;
  /** Progress lines for a person. */
  log: (line: string) => void;
  /** The clock, for tests. Default: `() => new Date()`. */
  now?: () => Date;
  /** SMTP timeouts. Default: 30_000. */
  timeoutMs?: number;
}

export interface SendEditionResult {
  outcome: Outcome;
  /** What happened, in lines for a person; readers named by id, never by address. */
  summary: string;
  subject?: string;
  /** The readers a dry run would mail (it writes the first one's copy). */
  recipients?: string[];
  /** The dry run's copy. */
  messageId?: string;
  /** The .eml of a dry run. */
  emlPath?: string;
  /** Bytes of the HTML part, the text part and the whole message as sent (dry run). */
  sizes?: { html: number; text: number; message?: number };
}

/** One reader's copy before it is built into bytes. */
type ReaderMessage = ReturnType<typeof composeEditionMessage>;

/** What a send is of: its record, its name in a line ("the edition of 2025-09-10"), and each reader's copy, built once the send may go ahead. */
export interface Mailing {
  kind: MailingKind;
  name: string;
  /** `feedbackUrl`: where the edition's 👍/👎 links go, for readers of the database (see sendToAudience). */
  prepare(input: { from: string; feedbackUrl?: string | undefined }): Promise<{ email: { html: string; text: string }; detail: string; messageFor: (reader: string, acceptedCopies: number, sentAt: Date) => ReaderMessage | Promise<ReaderMessage> }>;
}

/**
 * Sends a mailing once per reader under the rules of its per-reader record (`planMailRound`): each reader's outcome
 * is on disk before the next message starts, so a crash or a broken connection leaves at most one reader uncertain.
 */
export async function sendOnce(config: Config, options: SendEditionOptions, mailing: Mailing): Promise<SendEditionResult> {
  const audience = openMailAudience(config, { key: options.date, kind: mailing.kind, to: options.to });
  try {
    // Readers in the database, all unsubscribed or bounced: nobody to mail is not a failure.
    if (audience.source === 'database' && audience.recipients.length === 0) return { outcome: 'done', summary: `${mailing.name} was mailed to nobody: the readers database ${audience.databasePath} has no active reader (\`summarize readers list\`)` };
    return await sendToAudience(config, options, mailing, audience);
  } finally {
    audience.close();
  }
}

// --- internal ---

async function sendToAudience(config: Config, options: SendEditionOptions, mailing: Mailing, audience: MailAudience): Promise<SendEditionResult> {
  const now = options.now ?? (() => new Date());
  const { date, log } = options;
  const { from, recipients, server, dkim } = checkMailConfig(config, { ...options, to: audience.source === 'list' && audience.leftOut === 0 ? options.to : audience.recipients });
  const store = audience.store;
  if (audience.leftOut > 0) log(`left out ${audience.leftOut} reader(s) of the list who unsubscribed or bounced (${audience.databasePath})`);
  const round = planMailRound(await store.read(), recipients, options.resend);
  if (!options.dryRun && round.sendTo.length === 0) return describeMailRound(mailing.name, round, undefined);

  // Votes are kept per reader in the database: its readers get 👍/👎 links, when the server can be reached and check them.
  const publicBase = toPublicBaseUrl(config.publicUrl);
  const secret = config.unsubscribeSecret;
  const feedbackUrl = audience.source === 'database' && publicBase !== undefined && secret !== undefined ? `${publicBase}/feedback` : undefined;
  // The paper pages' links carry the reader's signature in their fragment, for the page's own 👍/👎 (signPaperPageLinks).
  const pagesBase = toHttpsBase(config.publicUrl);
  const { email, detail, messageFor } = await mailing.prepare({ from, feedbackUrl });
  const buildCopy = async (reader: string, acceptedCopies: number): Promise<ReaderCopy> => {
    const composed = await messageFor(reader, acceptedCopies, now());
    const sign = (part: unknown, html: boolean) => {
      if (typeof part !== 'string' || feedbackUrl === undefined) return part;
      const voted = signFeedbackLinks(part, feedbackUrl, reader, secret!);
      return pagesBase === undefined ? voted : signPaperPageLinks(voted, pagesBase, reader, secret!, html);
    };
    const message = { ...composed, html: sign(composed.html, true) as typeof composed.html, text: sign(composed.text, false) as typeof composed.text };
    return { raw: await buildRawMessage(message, dkim), messageId: message.messageId, subject: message.subject, envelope: message.envelope };
  };
  const sizes = { html: Buffer.byteLength(email.html), text: Buffer.byteLength(email.text) };

  if (options.dryRun) {
    const everyone = planMailRound([], recipients, undefined).sendTo;
    const first = everyone[0]!;
    const copy = await buildCopy(first, round.states.get(toMailbox(first))?.acceptedCopies ?? 0);
    const emlPath = join(config.outputDir, 'mail', `${date}.eml`);
    await writeFileAtomic(emlPath, copy.raw);
    const whose = everyone.length > 1 ? ` (the copy for the first reader; each gets their own)` : '';
    const wouldSend = round.sendTo.length === everyone.length ? '' : `; a send now would mail ${round.sendTo.length} of these ${everyone.length} readers`;
    return {
      outcome: 'done',
      summary: `dry run: wrote ${emlPath}${whose}; nothing was sent${wouldSend}`,
      subject: copy.subject,
      recipients: everyone,
      messageId: copy.messageId,
      emlPath,
      sizes: { ...sizes, message: copy.raw.length },
    };
  }

  if (!server) throw new ConfigError([`${ENV_NAMES.smtpUrl}: not set`]);
  const answered = round.held.filter((state) => state.outcome !== 'uncertain').length;
  if (answered > 0) log(`${answered} of these readers already had ${mailing.name} (or were refused it); sending it to the ${round.sendTo.length} others`);
  log(`sending ${mailing.name}${detail === '' ? '' : ` (${detail})`} to ${round.sendTo.length} reader(s) through ${server.host}:${server.port}`);
  const secrets = collectConfigSecrets(config);
  const delivery = await deliverToReaders({
    store,
    readers: round.sendTo,
    earlier: round.states,
    buildCopy,
    server,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now,
    // The record is a file and the line goes to cron's mail: no password a server quotes, no reader's address.
    describeFailure: (error) => hideAddresses(redactSecrets(describeSmtpFailure(error, server), secrets), [from, server.auth?.user]),
  });
  return describeMailRound(mailing.name, round, delivery);
}

const DEFAULT_TIMEOUT_MS = 30_000;
