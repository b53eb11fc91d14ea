import { DE_READER_PAGES } from './reader-pages/de.js';
import { EN_READER_PAGES } from './reader-pages/en.js';
import { ES_READER_PAGES } from './reader-pages/es.js';
import { FR_READER_PAGES } from './reader-pages/fr.js';
import { JA_READER_PAGES } from './reader-pages/ja.js';
import { ZH_READER_PAGES } from './reader-pages/zh.js';
import type { LanguageCode } from './messages.js';

/**
 * The words of the pages `summarize serve` shows readers (unsubscribe, subscribe, confirm, feedback, errors) and of
 * the confirmation mail, in each language the tool writes: a reader sees them in their own language.
 */
export interface ReaderPageMessages {
  siteName: string;
  unsubscribeTitle: string;
  unsubscribeQuestion: (address: string) => string;
  unsubscribeButton: string;
  unsubscribed: (address: string) => string;
  subscribeTitle: string;
  subscribeIntro: string;
  emailLabel: string;
  languageLabel: string;
  subscribeButton: string;
  /** The same answer whether or not the address was known. */
  checkYourInbox: (address: string) => string;
  confirmTitle: string;
  confirmQuestion: (address: string) => string;
  confirmButton: string;
  confirmed: (address: string) => string;
  confirmExpired: string;
  confirmMailSubject: string;
  confirmMailBody: (link: string) => string;
  feedbackTitle: string;
  feedbackQuestion: (vote: 'up' | 'down', paperId: string) => string;
  feedbackButton: (vote: 'up' | 'down') => string;
  feedbackRecorded: (vote: 'up' | 'down', paperId: string) => string;
  /** The link lacks a part or was changed: the reader should use the one in their email. */
  invalidLink: string;
  /** A vote on a paper that is not in the archive: nothing was recorded. */
  unknownPaper: string;
  badAddress: string;
  notFound: string;
  methodNotAllowed: string;
  tooLarge: string;
  tooManyRequests: string;
  unavailable: string;
  subscriptionsClosed: string;
  badRequest: string;
  backToArchive: string;
}

const TABLES: Record<LanguageCode, ReaderPageMessages> = { en: EN_READER_PAGES, zh: ZH_READER_PAGES, es: ES_READER_PAGES, de: DE_READER_PAGES, fr: FR_READER_PAGES, ja: JA_READER_PAGES };

/** The pages' words for a BCP 47 tag (`zh-Hans` → zh); English for a language without a table. */
export function getReaderPageMessages(tag: string | undefined): ReaderPageMessages {
  const primary = (tag ?? 'en').split('-')[0]!.toLowerCase();
  return (TABLES as Record<string, ReaderPageMessages>)[primary] ?? TABLES.en;
}
