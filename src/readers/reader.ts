/**
 * A reader's standing: `pending` (subscribed, not yet confirmed), `active` (mailed), `unsubscribed` (asked to stop),
 * `bounced` (the mail server refused their address for good, edition after edition). Only `active` readers are mailed.
 */
export const READER_STATES = ['pending', 'active', 'unsubscribed', 'bounced'] as const;
export type ReaderState = (typeof READER_STATES)[number];

/** One row of the readers table. */
export interface Reader {
  id: number;
  /** The mailbox, lower-cased (`toMailbox`): one row per mailbox. */
  address: string;
  /** Empty when not given. */
  name: string;
  /** The BCP 47 tag of the language their pages are shown in. */
  language: string;
  state: ReaderState;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

/** A vote of a reader on a paper: the last one counts. */
export type Vote = 'up' | 'down';
