import { describe, expect, it } from 'vitest';
import type { ReaderOutcome, ReaderSendState } from '../../src/reader-sends/reader-send-state.js';
import type { ReaderSendStore } from '../../src/reader-sends/reader-send-store.js';
import { toReaderId } from '../../src/reader-sends/to-reader-id.js';

/** Opens a store of one mailing; a second call opens the same mailing again, as the next run would. */
export type OpenReaderSendStore = () => Promise<ReaderSendStore>;

/** The rules every ReaderSendStore keeps (the file journal today, a database table later): run against each. */
export function testReaderSendStoreContract(name: string, start: () => Promise<OpenReaderSendStore>): void {
  describe(`${name} keeps the ReaderSendStore contract`, () => {
    it('starts empty, and gives back each reader once, with their latest state, in the order first tried', async () => {
      const open = await start();
      const store = await open();
      expect(await store.read()).toEqual([]);
      await store.record(makeState('ada@example.com', 'uncertain'));
      await store.record(makeState('alan@example.com', 'uncertain'));
      await store.record(makeState('ada@example.com', 'accepted'));
      expect((await store.read()).map((state) => [state.mailbox, state.outcome])).toEqual([
        ['ada@example.com', 'accepted'],
        ['alan@example.com', 'uncertain'],
      ]);
    });

    it('keeps every recorded state for the next run to read', async () => {
      const open = await start();
      const first = await open();
      await first.record(makeState('ada@example.com', 'accepted'));
      await first.record(makeState('grace@example.com', 'deferred', 'greylisted, try again later'));
      const later = await open();
      expect(await later.read()).toEqual([makeState('ada@example.com', 'accepted'), makeState('grace@example.com', 'deferred', 'greylisted, try again later')]);
      await later.record(makeState('grace@example.com', 'accepted'));
      expect((await (await open()).read()).map((state) => state.outcome)).toEqual(['accepted', 'accepted']);
    });
  });
}

function makeState(mailbox: string, outcome: ReaderOutcome, reason?: string): ReaderSendState {
  return {
    mailbox,
    // What every store gives back: the id is derived from the mailbox, so a table need not keep it.
    readerId: toReaderId(mailbox),
    outcome,
    messageId: `<2025-01-31.0123456789abcdef.${mailbox.length}@example.org>`,
    subject: 'arXiv Brief — 2025-01-31: 3 papers',
    at: '2025-01-31T06:00:00.000Z',
    acceptedCopies: outcome === 'accepted' ? 1 : 0,
    ...(reason ? { reason } : {}),
  };
}
