import { READER_OUTCOMES, type ReaderSendState } from './reader-send-state.js';
import { toMailbox } from './to-mailbox.js';
import { toReaderId } from './to-reader-id.js';

/**
 * `send --status`: a count of readers per outcome, then one line per reader by id (`#3f9a1c2b`), never by address,
 * so it can be pasted into an issue or go to cron's mail. Readers on today's list never tried are `not tried`.
 */
export function renderSendStatus(name: string, recorded: readonly ReaderSendState[], recipients: readonly string[]): string {
  const recordedMailboxes = new Set(recorded.map((state) => state.mailbox));
  const notTried = [...new Set(recipients.map(toMailbox))].filter((mailbox) => !recordedMailboxes.has(mailbox));
  const total = recorded.length + notTried.length;
  const counts = [...READER_OUTCOMES.map((outcome) => [outcome, recorded.filter((state) => state.outcome === outcome).length] as const), ['not tried', notTried.length] as const]
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome}`);
  const heading = `${name}: ${total} reader${total === 1 ? '' : 's'}${counts.length > 0 ? `, ${counts.join(', ')}` : ''}`;
  const lines = [
    ...recorded.map((state) => [state.readerId, state.outcome.padEnd(OUTCOME_WIDTH), state.at, state.reason ?? ''].join('  ').trimEnd()),
    ...notTried.map((mailbox) => `${toReaderId(mailbox)}  not tried`),
  ];
  return `${[heading, ...lines].join('\n')}\n`;
}

// --- internal ---

const OUTCOME_WIDTH = 'uncertain'.length;
