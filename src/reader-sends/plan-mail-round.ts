import type { ReaderSendState } from './reader-send-state.js';
import { dedupeRecipients, toMailbox } from './to-mailbox.js';

/**
 * Which readers a send repeats besides those a plain send mails: `uncertain` (`--resend`: the copies that were in
 * flight when a send stopped), `all` (`--resend all`: every reader on the list, whatever they were answered).
 */
export type ResendScope = 'uncertain' | 'all';

/** One send of a mailing: who is mailed now and why the others are not. */
export interface MailRound {
  /** The readers to mail, in the list's order, each mailbox once. */
  sendTo: string[];
  /** Readers on the list not mailed now, with the outcome that holds them back. */
  held: ReaderSendState[];
  /** Each reader's recorded state on this list, by mailbox (absent: never tried). */
  states: Map<string, ReaderSendState>;
}

/**
 * The rules of a send, from the recorded states alone: a plain send mails the readers never tried, those
 * deferred (4xx) and those surely not reached (`failed`); it never repeats one the server accepted or rejected,
 * nor one whose copy may have arrived (`uncertain`) unless asked to.
 */
export function planMailRound(recorded: readonly ReaderSendState[], recipients: readonly string[], resend: ResendScope | undefined): MailRound {
  const byMailbox = new Map(recorded.map((state) => [state.mailbox, state]));
  const sendTo: string[] = [];
  const held: ReaderSendState[] = [];
  const states = new Map<string, ReaderSendState>();
  for (const recipient of dedupeRecipients(recipients)) {
    const state = byMailbox.get(toMailbox(recipient));
    if (state) states.set(state.mailbox, state);
    if (state === undefined || shouldMail(state, resend)) sendTo.push(recipient);
    else held.push(state);
  }
  return { sendTo, held, states };
}

// --- internal ---

function shouldMail(state: ReaderSendState, resend: ResendScope | undefined): boolean {
  switch (state.outcome) {
    case 'deferred':
    case 'failed':
      return true;
    case 'uncertain':
      return resend !== undefined;
    case 'accepted':
    case 'rejected':
      return resend === 'all';
  }
}
