import type { Delivery } from '../smtp/deliver-to-readers.js';
import type { MailRound } from '../reader-sends/plan-mail-round.js';
import type { ReaderSendState } from '../reader-sends/reader-send-state.js';
import type { Outcome } from '../run/outcome.js';

/**
 * What a send did, in lines for a person and for cron's mail: readers are counted and named by their id, never by
 * address. `done` when every reader of the round was accepted and none is left uncertain; `failed` when this send
 * reached nobody (or only found readers it must not repeat); `partial` otherwise.
 */
export function describeMailRound(name: string, round: MailRound, delivery: Delivery | undefined): { outcome: Outcome; summary: string } {
  const uncertain = round.held.filter((state) => state.outcome === 'uncertain');
  const heldLine = uncertain.length === 0 ? [] : [describeHeldUncertain(name, uncertain)];
  if (delivery === undefined) {
    if (uncertain.length > 0) return { outcome: 'failed', summary: heldLine.join('\n') };
    return { outcome: 'done', summary: describeAlreadySent(name, round.held) };
  }

  const accepted = delivery.answered.filter((state) => state.outcome === 'accepted');
  const rejected = delivery.answered.filter((state) => state.outcome === 'rejected');
  const deferred = delivery.answered.filter((state) => state.outcome === 'deferred');
  const { stoppedAt, notTried } = delivery;
  const refusals = [
    ...(rejected.length > 0 ? [`the server rejected ${countReaders(rejected)}`] : []),
    ...(deferred.length > 0 ? [`the server deferred ${countReaders(deferred)} (a 4xx answer such as greylisting; the next send tries again)`] : []),
  ];
  // Nobody answered before a sure failure (a refused login, a server down): the reason alone says it all.
  const stop = stoppedAt === undefined ? [] : delivery.answered.length === 0 && stoppedAt.outcome === 'failed' ? [stoppedAt.reason ?? 'the conversation failed'] : [describeStop(stoppedAt, notTried.length)];
  const line =
    accepted.length === 0
      ? `${name} was not sent: ${[...refusals, ...stop.map((part) => part.replace(/^then /, ''))].join('; ')}`
      : [`sent ${name} to ${countReaders(accepted)}`, ...refusals, ...stop].join('; ');
  const clean = refusals.length === 0 && stop.length === 0 && uncertain.length === 0;
  const outcome: Outcome = clean ? 'done' : accepted.length === 0 ? 'failed' : 'partial';
  return { outcome, summary: [line, ...heldLine].join('\n') };
}

// --- internal ---

// Ten ids are enough to check by hand; `send --status` lists them all.
const MAX_LISTED_IDS = 10;

function countReaders(states: readonly ReaderSendState[]): string {
  const ids = states.map((state) => state.readerId);
  const listed = ids.length > MAX_LISTED_IDS ? `${ids.slice(0, MAX_LISTED_IDS).join(' ')} and ${ids.length - MAX_LISTED_IDS} more` : ids.join(' ');
  return `${states.length} reader${states.length === 1 ? '' : 's'}${states.length > 0 && !states.every((state) => state.outcome === 'accepted') ? ` (${listed})` : ''}`;
}

function describeStop(state: ReaderSendState, notTried: number): string {
  const rest = notTried === 0 ? '' : `; ${notTried} more reader${notTried === 1 ? '' : 's'} not tried yet: \`summarize send\` again reaches them`;
  if (state.outcome === 'failed') return `then ${state.reason ?? 'the conversation failed'} (nothing went to ${state.readerId})${rest.replace('not tried yet', 'not reached')}`;
  return `then the conversation about ${state.readerId} broke off after the message was handed over (${state.reason ?? 'no answer'}): that copy may or may not have arrived; check that reader's inbox, then \`--resend\` repeats it alone${rest}`;
}

function describeHeldUncertain(name: string, states: readonly ReaderSendState[]): string {
  const latest = states.reduce((newest, state) => (state.at > newest.at ? state : newest));
  return `${countReaders(states)} may or may not have ${name} (${latest.reason ?? 'a send stopped'}, ${latest.at}); not repeated: check their inbox (\`summarize send --status\` names them), then \`--resend\` repeats only those`;
}

function describeAlreadySent(name: string, held: readonly ReaderSendState[]): string {
  const rejected = held.filter((state) => state.outcome === 'rejected');
  const latest = held.filter((state) => state.outcome === 'accepted').reduce<string | undefined>((newest, state) => (newest === undefined || state.at > newest ? state.at : newest), undefined);
  const when = latest === undefined ? '' : ` at ${latest}`;
  const rejectedNote = rejected.length === 0 ? '' : `; the server rejected ${countReaders(rejected)} then`;
  return `${name} was already sent${when} to all ${held.length} of these reader${held.length === 1 ? '' : 's'}${rejectedNote}; nothing sent (\`--resend all\` sends it again)`;
}
