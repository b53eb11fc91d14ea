import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ENV_NAMES, type Config } from '../config/config-schema.js';
import { ConfigError } from '../errors/brief-error.js';
import { bareAddress, composeEditionMessage } from '../mail/compose-edition-message.js';
import { createSmtpTransport } from '../mail/create-smtp-transport.js';
import { describeSmtpFailure } from '../mail/describe-smtp-failure.js';
import { isSurelyUndelivered } from '../mail/is-surely-undelivered.js';
import { loadEmailImages } from '../mail/load-email-images.js';
import { parseSmtpUrl, type SmtpServer } from '../config/parse-smtp-url.js';
import { readEditionWithEpisode } from '../publish/read-edition-with-episode.js';
import { dedupeRecipients, type MailingKind, readRecipientHistory, readSentRecord, recordSendAttempt, type RecipientHistory, type SendAttempt, type SentRecord } from '../mail/sent-record.js';
import { writeEmailEdition } from '../mail/write-email-edition.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import type { Outcome } from '../run/outcome.js';
import { collectConfigSecrets } from '../secrets/collect-secrets.js';
import { redactSecrets } from '../secrets/redact-secrets.js';

export interface SendEditionOptions {
  /** YYYY-MM-DD, already resolved. */
  date: string;
  /** Overrides SUMMARIZE_MAIL_TO; already checked addresses. */
  to?: readonly string[] | undefined;
  /** Write `mail/<date>.eml` instead of talking to the SMTP server. */
  dryRun: boolean;
  /** Send even if the edition already went (or may have gone) to these recipients. */
  resend: boolean;
  /** Progress lines for a person. */
  log: (line: string) => void;
  /** The clock, for tests. Default: `() => new Date()`. */
  now?: () => Date;
  /** SMTP timeouts. Default: 30_000. */
  timeoutMs?: number;
}

export interface SendEditionResult {
  outcome: Outcome;
  /** What happened, in one line. */
  summary: string;
  subject?: string;
  recipients?: string[];
  accepted?: string[];
  rejected?: string[];
  messageId?: string;
  /** The .eml of a dry run. */
  emlPath?: string;
  /** Bytes of the HTML part, the text part and the whole message (dry run). */
  sizes?: { html: number; text: number; message?: number };
}

/**
 * Mails the day's edition once. The caller holds the run lock of the output folder (`send` takes it;
 * `nightly --send` already has it). An intent record goes to disk before the SMTP conversation,
 * so a crash in between is found by the next send instead of mailing everyone twice.
 */
export async function sendEdition(config: Config, options: SendEditionOptions): Promise<SendEditionResult> {
  const { date } = options;
  return sendOnce(config, options, {
    kind: 'edition',
    name: `the edition of ${date}`,
    prepare: async ({ from, attemptNumber }) => {
      const edition = await readEditionWithEpisode(config.outputDir, date);
      const email = await writeEmailEdition(config.outputDir, edition, { publicUrl: config.publicUrl, unsubscribe: config.mailUnsubscribe });
      const attachments = loadEmailImages(config.outputDir, email.images);
      return {
        email,
        detail: `${edition.papers.length} papers, ${email.shownInFull} in full`,
        // One copy per reader, built the same way for a dry run and a real send.
        messageFor: (reader) =>
          composeEditionMessage({
            date,
            paperCount: edition.papers.length,
            email,
            from,
            to: reader,
            subject: config.mailSubject,
            unsubscribe: config.mailUnsubscribe,
            unsubscribeSecret: config.unsubscribeSecret,
            attachments,
            attemptNumber,
          }),
      };
    },
  });
}

/** What a send is of: its record, its name in a line ("the edition of 2025-09-10"), and each reader's copy, built once the send may go ahead. */
export interface Mailing {
  kind: MailingKind;
  name: string;
  prepare(input: { from: string; attemptNumber: number }): Promise<{ email: { html: string; text: string }; detail: string; messageFor: (reader: string) => EditionMessage }>;
}

/** Sends a mailing once per reader, under the rules of its sent record: refuses after an uncertain attempt, skips readers already answered. */
export async function sendOnce(config: Config, options: SendEditionOptions, mailing: Mailing): Promise<SendEditionResult> {
  const now = options.now ?? (() => new Date());
  const { date, log } = options;
  const { from, recipients, server } = checkMailConfig(config, options);

  const record = await readSentRecord(config.outputDir, date, mailing.kind);
  const history = readRecipientHistory(record, recipients);
  let sendTo = dedupeRecipients(recipients);
  if (!options.resend && !options.dryRun) {
    const refusal = refuseAfterEarlierAttempts(history, mailing.name);
    if (refusal) return refusal;
    if (history.settled.length > 0) log(`${history.settled.length} of these recipients already had ${mailing.name}; sending it to the ${history.pending.length} others`);
    sendTo = dedupeRecipients(history.pending);
  }

  const { email, detail, messageFor } = await mailing.prepare({ from, attemptNumber: record.attempts.length });
  const message = messageFor(sendTo[0]!);
  const sizes = { html: Buffer.byteLength(email.html), text: Buffer.byteLength(email.text) };
  const base = { subject: message.subject, recipients: sendTo, messageId: message.messageId };

  if (options.dryRun) {
    const emlPath = join(config.outputDir, 'mail', `${date}.eml`);
    const raw = await new MailComposer(message).compile().build();
    await writeFileAtomic(emlPath, raw);
    const whose = sendTo.length > 1 ? ` (the copy for ${sendTo[0]}; each reader gets their own)` : '';
    return { outcome: 'done', summary: `dry run: wrote ${emlPath}${whose}; nothing was sent`, ...base, emlPath, sizes: { ...sizes, message: raw.length } };
  }

  if (!server) throw new ConfigError([`${ENV_NAMES.smtpUrl}: not set`]);
  log(`sending ${mailing.name}${detail === '' ? '' : ` (${detail})`} to ${sendTo.length} recipient(s) through ${server.host}:${server.port}`);
  const delivery = await deliverOnce({ outputDir: config.outputDir, name: mailing.name, record, message, messageFor, from, recipients: sendTo, server, now, timeoutMs: options.timeoutMs, secrets: collectConfigSecrets(config) });
  return { ...delivery, ...base, sizes };
}

// --- internal ---

type EditionMessage = ReturnType<typeof composeEditionMessage>;

// Intent on disk, the SMTP conversation, then the outcome on disk: a crash in between leaves the intent.
async function deliverOnce(input: {
  outputDir: string;
  /** "the edition of 2025-09-10", for the lines it returns. */
  name: string;
  record: SentRecord;
  message: EditionMessage;
  messageFor: (reader: string) => EditionMessage;
  from: string;
  recipients: readonly string[];
  server: SmtpServer;
  now: () => Date;
  timeoutMs: number | undefined;
  secrets: readonly string[];
}): Promise<Pick<SendEditionResult, 'outcome' | 'summary' | 'accepted' | 'rejected'>> {
  const { outputDir, record, message, server, now, name } = input;
  const attempt: SendAttempt = {
    status: 'sending',
    messageId: message.messageId,
    subject: message.subject,
    from: input.from,
    recipients: [...input.recipients],
    accepted: [],
    rejected: [],
    startedAt: now().toISOString(),
  };
  await recordSendAttempt(outputDir, record, attempt);
  const transport = createSmtpTransport(server, input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs });
  const accepted: string[] = [];
  const rejected: string[] = [];
  const deferred: string[] = [];
  let failure: unknown;
  try {
    for (const reader of input.recipients) {
      try {
        const info = await transport.sendMail(input.messageFor(reader));
        accepted.push(...info.accepted.map(String));
      } catch (error) {
        // The server's no to this one reader (550 gone, 450 try later) is that reader's answer; anything else stops the round.
        const code = recipientRefusalCode(error);
        if (code === undefined) {
          failure = error;
          break;
        }
        (code >= 500 ? rejected : deferred).push(bareAddress(reader));
      }
    }
  } finally {
    transport.close();
  }
  const finishedAt = now().toISOString();
  const answers = { accepted, rejected, ...(deferred.length > 0 ? { deferred } : {}) };
  if (failure !== undefined || accepted.length === 0) {
    // The record is a file: a server that quotes the login in its answer must not put it there.
    const reason = redactSecrets(failure === undefined ? describeAllRefused(rejected, deferred, server) : describeSmtpFailure(failure, server), input.secrets);
    const surely = failure === undefined || isSurelyUndelivered(failure);
    const status = !surely ? 'unknown' : accepted.length > 0 ? 'partial' : 'failed';
    await recordSendAttempt(outputDir, record, { ...attempt, status, ...answers, finishedAt, error: reason });
    const summary =
      status === 'unknown'
        ? `${name} may or may not have gone out: ${reason}; check a recipient's inbox, then run again with --resend if it did not arrive`
        : status === 'partial'
          ? `${name} went to ${accepted.length} recipient(s), then: ${reason}; send again to reach the others`
          : `${name} was not sent: ${reason}`;
    return { outcome: status === 'partial' ? 'partial' : 'failed', summary, accepted, rejected };
  }
  const status = rejected.length === 0 && deferred.length === 0 ? 'sent' : 'partial';
  try {
    await recordSendAttempt(outputDir, record, { ...attempt, status, ...answers, finishedAt });
  } catch (error) {
    // Delivered, but not recorded: the intent left on disk makes the next send ask for --resend instead of mailing twice.
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), input.secrets);
    return { outcome: 'failed', summary: `${name} went to ${accepted.length} recipient(s), but the record could not be written (${reason}); do not send it again`, accepted, rejected };
  }
  const refusals = [
    ...(rejected.length > 0 ? [`the server rejected ${rejected.join(', ')}`] : []),
    ...(deferred.length > 0 ? [`the server deferred ${deferred.join(', ')} (a 4xx answer such as greylisting; the next send tries again)`] : []),
  ];
  const summary =
    status === 'sent'
      ? `sent ${name} to ${accepted.length} recipient(s) (${message.messageId})`
      : `sent ${name} to ${accepted.length} recipient(s); ${refusals.join('; ')}`;
  return { outcome: status === 'sent' ? 'done' : 'partial', summary, accepted, rejected };
}

// A recipient's refusal carries the server's code: 5xx is final, 4xx (greylisting's 450) means "later".
function recipientRefusalCode(error: unknown): number | undefined {
  const details = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return details.code === 'EENVELOPE' && typeof details.responseCode === 'number' && details.responseCode >= 400 ? details.responseCode : undefined;
}

function describeAllRefused(rejected: readonly string[], deferred: readonly string[], server: SmtpServer): string {
  const parts = [...(rejected.length > 0 ? [`rejected ${rejected.join(', ')}`] : []), ...(deferred.length > 0 ? [`deferred ${deferred.join(', ')} (try again later)`] : [])];
  return `the SMTP server ${server.host}:${server.port} ${parts.join(' and ')}`;
}

/** Fails (ConfigError, one line a problem) when mailing could not work, so `nightly --send` finds out before spending anything. */
export function assertMailConfigured(config: Config): void {
  // Chat channels alone are a way to send: without recipients, there is no mail to check.
  if ((config.webhooks?.length ?? 0) > 0 && config.mailTo === undefined) return;
  checkMailConfig(config, { dryRun: false });
}

function checkMailConfig(config: Config, options: Pick<SendEditionOptions, 'to' | 'dryRun'>) {
  const problems: string[] = [];
  if (!config.mailFrom) problems.push(`${ENV_NAMES.mailFrom}: not set; the sender, e.g. "arXiv Brief <brief@example.org>"`);
  const recipients = options.to ?? config.mailTo ?? [];
  if (recipients.length === 0) problems.push(`${ENV_NAMES.mailTo}: not set; the recipients, comma-separated (or pass --to)`);
  if (!options.dryRun && !config.smtpUrl) problems.push(`${ENV_NAMES.smtpUrl}: not set; e.g. smtps://user:password@smtp.example.org:465 (or use --dry-run)`);
  if (problems.length > 0) throw new ConfigError(problems);
  const server = config.smtpUrl ? parseSmtpUrl(config.smtpUrl) : undefined;
  return { from: config.mailFrom!, recipients, server };
}

// "May have gone out" stops a send, and so does "every one of them already has it"; a sure failure does not (nothing went out).
function refuseAfterEarlierAttempts(history: RecipientHistory, name: string): SendEditionResult | undefined {
  const { uncertain, lastSent } = history;
  if (uncertain) {
    const how = uncertain.status === 'sending' ? 'did not finish' : `broke off (${uncertain.error ?? 'no reason recorded'})`;
    return {
      outcome: 'failed',
      summary: `a send of ${name} started at ${uncertain.startedAt} ${how}: the message may have gone out; check a recipient's inbox, then run again with --resend if it did not arrive`,
      subject: uncertain.subject,
      recipients: uncertain.recipients,
      messageId: uncertain.messageId,
    };
  }
  if (history.pending.length > 0 || !lastSent) return undefined;
  const rejectedNote = lastSent.rejected.length > 0 ? `; rejected then: ${lastSent.rejected.join(', ')}` : '';
  return {
    outcome: 'done',
    summary: `${name} was already sent at ${lastSent.finishedAt ?? lastSent.startedAt} to all ${history.settled.length} of these recipient(s)${rejectedNote}; nothing sent (--resend sends it again)`,
    subject: lastSent.subject,
    recipients: lastSent.recipients,
    messageId: lastSent.messageId,
    accepted: lastSent.accepted,
    rejected: lastSent.rejected,
  };
}
