import type { ReaderSendState } from './reader-send-state.js';

/**
 * Where one mailing (a day's edition, its note, an issue) keeps each reader's outcome. A file in `mail/`
 * today (`createFileReaderSendStore`); a database table can hold the same states under the same rules.
 */
export interface ReaderSendStore {
  /** Every reader's latest state for this mailing, in the order they were first tried; empty when none was. */
  read(): Promise<ReaderSendState[]>;
  /** Records one reader's state, replacing their earlier one; on disk before it returns, so a crash right after keeps it. */
  record(state: ReaderSendState): Promise<void>;
}
