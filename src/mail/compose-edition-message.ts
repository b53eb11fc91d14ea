import { createHash } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import type { EmailEdition } from './render-email-edition.js';

export interface ComposeEditionMessageInput {
  date: string;
  paperCount: number;
  email: EmailEdition;
  from: string;
  to: readonly string[];
  /** Default: names the date and the number of papers. */
  subject?: string | undefined;
  /** `List-Unsubscribe` target: an https URL or a mailto: address. */
  unsubscribe?: string | undefined;
  /** The flowcharts the HTML refers to as `cid:` images (empty when they are served under the public URL). */
  attachments: NonNullable<SendMailOptions['attachments']>;
  /** 0 for the first attempt of the day; later attempts get their own Message-ID so mailboxes do not drop them as duplicates. */
  attemptNumber: number;
}

/** The subject when `SUMMARIZE_MAIL_SUBJECT` is not set. */
export function defaultEditionSubject(date: string, paperCount: number): string {
  return `arXiv Brief — ${date}: ${paperCount} paper${paperCount === 1 ? '' : 's'}`;
}

// One multipart/alternative message (text, then HTML with its related images), identified by the edition's content.
export function composeEditionMessage(input: ComposeEditionMessageInput): SendMailOptions & { messageId: string; subject: string } {
  const subject = input.subject ?? defaultEditionSubject(input.date, input.paperCount);
  // Readers must not see each other's addresses: several recipients get the message addressed to the sender.
  const shownTo = input.to.length === 1 ? [...input.to] : [input.from];
  return {
    from: input.from,
    to: shownTo,
    envelope: { from: bareAddress(input.from), to: input.to.map(bareAddress) },
    subject,
    text: input.email.text,
    html: input.email.html,
    attachments: input.attachments,
    messageId: createEditionMessageId(input),
    ...(input.unsubscribe ? { list: { unsubscribe: input.unsubscribe } } : {}),
    disableUrlAccess: true,
  };
}

// --- internal ---

function bareAddress(address: string): string {
  return /<([^>]+)>\s*$/.exec(address)?.[1] ?? address;
}

// `<date.hash@domain>`: the same edition gets the same ID, so a mailbox can tell a duplicate from a new edition.
function createEditionMessageId({ date, email, from, attemptNumber }: ComposeEditionMessageInput): string {
  const hash = createHash('sha256').update(email.text).update('\u0000').update(email.html).digest('hex').slice(0, 16);
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'arxiv-brief.invalid';
  return `<${date}.${hash}${attemptNumber > 0 ? `.${attemptNumber}` : ''}@${domain}>`;
}
