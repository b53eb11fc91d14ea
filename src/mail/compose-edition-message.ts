import { createHash } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import { escapeHtml } from '../output/escape-html.js';
import { readerUnsubscribeUrl } from './reader-unsubscribe-url.js';
import { toReaderId } from '../reader-sends/to-reader-id.js';
import type { EmailEdition } from './render-email-edition.js';

export interface ComposeEditionMessageInput {
  date: string;
  paperCount: number;
  /** The two parts; the note of a day without an edition is sent the same way. */
  email: Pick<EmailEdition, 'html' | 'text'>;
  from: string;
  /** The one reader this copy is for: `To:` names them, and the unsubscribe link is theirs. */
  to: string;
  /** Default: names the date and the number of papers. */
  subject?: string | undefined;
  /** `List-Unsubscribe` target: an https URL or a mailto: address; the email's footer links it as rendered. */
  unsubscribe?: string | undefined;
  /** Signs the reader's token in an https unsubscribe URL, which makes it one-click (RFC 8058). */
  unsubscribeSecret?: string | undefined;
  /** The flowcharts the HTML refers to as `cid:` images (empty when they are served under the public URL). */
  attachments: NonNullable<SendMailOptions['attachments']>;
  /** Copies the server already accepted for this reader: a copy sent again on purpose gets its own Message-ID, so mailboxes do not drop it. */
  acceptedCopies: number;
  /** The `Date:` header. */
  sentAt: Date;
}

/** The subject when `SUMMARIZE_MAIL_SUBJECT` is not set; `when` is the day (`2025-09-10`) or the issue's period (`September 2025`). */
export function defaultEditionSubject(when: string, paperCount: number): string {
  return `arXiv Brief — ${when}: ${paperCount} paper${paperCount === 1 ? '' : 's'}`;
}

// One multipart/alternative message per reader (text, then HTML with its related images), identified by the edition's content.
export function composeEditionMessage(input: ComposeEditionMessageInput): SendMailOptions & { messageId: string; subject: string; envelope: { from: string; to: string[] } } {
  const subject = input.subject ?? defaultEditionSubject(input.date, input.paperCount);
  const unsubscribe = input.unsubscribe === undefined ? undefined : readerUnsubscribeUrl(input.unsubscribe, input.to, input.unsubscribeSecret);
  // The footer's link becomes the reader's own; the edition's files keep the general one.
  const messageId = createReaderMessageId(input);
  const personalize = (part: string, escape: (text: string) => string) =>
    input.unsubscribe === undefined || unsubscribe === undefined ? part : part.split(escape(input.unsubscribe)).join(escape(unsubscribe.url));
  return {
    from: input.from,
    to: [input.to],
    envelope: { from: bareAddress(input.from), to: [bareAddress(input.to)] },
    subject,
    text: personalize(input.email.text, (text) => text),
    html: personalize(input.email.html, escapeHtml),
    // The size budget counts the HTML as quoted-printable: never let the composer pick base64 instead.
    textEncoding: 'quoted-printable',
    attachments: input.attachments,
    messageId,
    date: input.sentAt,
    // Boundaries from the Message-ID rather than random: a dry run and the send build the same bytes.
    baseBoundary: messageId.slice(1, -1).replace(/[^0-9a-z]/gi, ''),
    // Written out here rather than through nodemailer's `list` option, which only its transport applies: a dry run gets them too.
    headers: {
      'List-Id': `arXiv Brief <arxiv-brief.${senderDomain(input.from)}>`,
      ...(unsubscribe ? { 'List-Unsubscribe': `<${unsubscribe.url}>` } : {}),
      ...(unsubscribe?.oneClick ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
    },
    disableUrlAccess: true,
  };
}

// --- internal ---

function senderDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'arxiv-brief.invalid';
}

/** `Ada <ada@example.com>` → `ada@example.com`: what the SMTP envelope carries. */
export function bareAddress(address: string): string {
  return /<([^>]+)>\s*$/.exec(address)?.[1] ?? address;
}

// `<date.edition.reader@domain>`, one per reader's copy: a copy repeated because it may not have arrived keeps its ID,
// so a mailbox that has it drops the repeat; a copy sent again after the server accepted one (`--resend all`) gets `.n`.
function createReaderMessageId({ date, email, from, to, acceptedCopies }: ComposeEditionMessageInput): string {
  const edition = createHash('sha256').update(email.text).update('\u0000').update(email.html).digest('hex').slice(0, 16);
  const reader = toReaderId(to).slice(1);
  return `<${date}.${edition}.${reader}${acceptedCopies > 0 ? `.${acceptedCopies}` : ''}@${senderDomain(from)}>`;
}
