import { describe, expect, it } from 'vitest';
import { planMailRound } from '../../src/reader-sends/plan-mail-round.js';
import type { ReaderOutcome, ReaderSendState } from '../../src/reader-sends/reader-send-state.js';

const state = (mailbox: string, outcome: ReaderOutcome): ReaderSendState => ({
  mailbox,
  readerId: `#${mailbox.slice(0, 8)}`,
  outcome,
  messageId: `<${mailbox}>`,
  subject: 'arXiv Brief',
  at: '2025-01-31T06:00:00.000Z',
  acceptedCopies: outcome === 'accepted' ? 1 : 0,
});

// One reader in each state, and one never tried.
const RECORDED = [
  state('accepted@example.org', 'accepted'),
  state('rejected@example.org', 'rejected'),
  state('deferred@example.org', 'deferred'),
  state('uncertain@example.org', 'uncertain'),
  state('failed@example.org', 'failed'),
];
const LIST = [...RECORDED.map((entry) => entry.mailbox), 'new@example.org'];

describe('planMailRound', () => {
  it('a plain send mails the readers never tried, deferred (4xx) and surely not reached, and no one else', () => {
    const round = planMailRound(RECORDED, LIST, undefined);
    expect(round.sendTo).toEqual(['deferred@example.org', 'failed@example.org', 'new@example.org']);
    expect(round.held.map((entry) => entry.outcome)).toEqual(['accepted', 'rejected', 'uncertain']);
  });

  it('--resend adds only the readers whose copy may have gone out', () => {
    expect(planMailRound(RECORDED, LIST, 'uncertain').sendTo).toEqual(['deferred@example.org', 'uncertain@example.org', 'failed@example.org', 'new@example.org']);
  });

  it('--resend all mails every reader on the list, once each', () => {
    expect(planMailRound(RECORDED, [...LIST, 'New <NEW@example.org>'], 'all').sendTo).toEqual(LIST);
  });

  it('goes by the list given: a reader recorded but no longer listed is not mailed, a display name or case does not make a new reader', () => {
    const round = planMailRound(RECORDED, ['Deferred <Deferred@Example.org>', 'accepted@example.org'], undefined);
    expect(round.sendTo).toEqual(['Deferred <Deferred@Example.org>']);
    expect([...round.states.keys()]).toEqual(['deferred@example.org', 'accepted@example.org']);
  });
});
