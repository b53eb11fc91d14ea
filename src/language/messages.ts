import { DE } from './messages/de.js';
import { EN } from './messages/en.js';
import { ES } from './messages/es.js';
import { FR } from './messages/fr.js';
import { JA } from './messages/ja.js';
import { ZH } from './messages/zh.js';

/**
 * The words the reader sees around the model's text, in each language the tool writes: every page, email and
 * digest takes its words from here, so a page in one language has none of another's. Punctuation is the language's own.
 */
export interface Messages {
  /** The language's name in English, for the prompt. */
  name: string;
  topicAndDomain: string;
  previousResearchAndNewIdeas: string;
  problem: string;
  methods: string;
  resultsAndEvaluation: string;
  methodFlowchart: string;
  critique: string;
  strengths: string;
  limitations: string;
  implications: string;
  quiz: string;
  answers: string;
  whyPicked: string;
  checkBeforePublishing: string;
  /** The email's and the web edition's own words. */
  inThisIssue: string;
  alsoOnTodaysList: string;
  readOnTheWeb: string;
  unsubscribe: string;
  machineWritten: string;
  /** The links under each paper in the email. */
  code: string;
  projectPage: string;
  fullBrief: string;

  /** After a label, with the space that follows it: `Published: `, `发表日期：`. */
  colon: string;
  /** The pause in a sentence the tool writes: `First, …`, `首先，…`. */
  comma: string;
  /** Between the items of a list the tool joins: authors, categories, edition dates. */
  listSeparator: string;
  /** Between the steps of a flowchart's description. */
  clauseSeparator: string;
  /** Ends a sentence the tool writes around a link or a count. */
  fullStop: string;
  /** `Ada, Alan, Grace` + this, when a paper has more authors than a card names. */
  etAl: string;
  authorsNotListed: string;

  /** A paper's facts, as labels. */
  published: string;
  link: string;
  authors: string;
  comment: string;
  journal: string;
  upvotes: string;
  onHuggingFace: (upvotes: number) => string;
  upvotesOnHuggingFace: (upvotes: number) => string;
  arxivAbstract: string;
  /** Before the dates of the editions that showed a paper, with its space or colon. */
  inEditions: (count: number) => string;
  methodWorkflow: string;
  /** The flowchart's alt text: what it shows, step by step. */
  flowchartAlt: (steps: string) => string;
  flowchartCaption: string;
  showAnswer: string;
  hideAnswer: string;
  podcastScript: (turns: number, model: string) => string;
  /** `Brief by gpt-5-mini · prompt v3 · 2025-09-10`: who wrote a text, with what. */
  generatedBy: (what: string, model: string, promptVersion: string, date: string) => string;
  brief: string;
  styleNames: { blurb: string; commentary: string };
  figure: (number: number) => string;
  figuresFromHtml: string;
  figuresFromPdf: string;
  figuresNone: string;

  /** Every page's frame. */
  allEditionsAndSearch: string;
  siteFooter: string;

  /** The web edition. */
  papers: (count: number) => string;
  moreOnTheList: (count: number) => string;
  noPapersThisDay: string;
  noPapersOn: (date: string) => string;
  /** The link preview's description: the count, the first paper's title and its TLDR. */
  ledBy: (papers: string, title: string, tldr: string) => string;
  firstShown: string;
  shownBeforeNote: string;
  pointsToCheck: (count: number) => string;
  checkBeforeRelying: string;

  /** The episode's player on the pages, its chapters and its link in the email. */
  listenToThisPaper: string;
  listenToEpisode: (minutes: number) => string;
  transcript: string;
  subscribePodcast: string;
  welcomeChapter: string;
  goodbyeChapter: string;
  listenToTheEpisode: (minutes: number) => string;
  listenShort: (minutes: number) => string;

  /** The email edition. */
  noPapersInEdition: string;
  eachInFivePoints: (papers: string) => string;
  inFullAndListed: (papers: string, inFull: number, listed: number) => string;
  moreWereEarlier: (count: number) => string;
  onTheWeb: string;
  tldr: string;
  morePapers: (count: number) => string;
  /** A reader's own copy: the heading of the day's other papers, after their picks. */
  alsoToday: string;
  /** A reader's own copy: marks a pick from outside their usual topics, there so their taste can widen. */
  outsideYourUsual: string;
  /** `where` is the web edition (linked) or the digest files. */
  moreNotListed: (count: number, where: string) => string;
  moreListedIn: (count: number, where: string) => string;
  shownBeforeIntro: string;
  theWebEdition: string;
  theDigestFiles: string;
  editionSubject: (when: string, papers: number) => string;

  /** The issue of a month or week. */
  weekTitle: (week: number, year: number, firstDay: string, lastDay: string) => string;
  /** `models` are already joined as the language joins a list. */
  writtenBy: (models: string, date: string) => string;
  checkPaperBeforeCiting: string;
  moreInThisIssue: string;
  wholeIssueOnWeb: string;

  /** The digest's markdown. */
  digestTitle: (date: string) => string;
  paperNumber: (position: number) => string;
  theFullBrief: string;
  firstShownInEdition: string;
}

/** Keyed by the primary subtag of a BCP 47 tag: `zh-Hans` and `zh-TW` take `zh`. */
export const MESSAGES = { en: EN, zh: ZH, es: ES, de: DE, fr: FR, ja: JA } as const satisfies Record<string, Messages>;

export type LanguageCode = keyof typeof MESSAGES;
export const LANGUAGE_CODES = Object.keys(MESSAGES) as LanguageCode[];

/** The messages of a BCP 47 tag (`zh-Hans` → zh); English for a tag stored before languages existed. */
export function getMessages(tag: string | undefined): Messages {
  const primary = (tag ?? 'en').split('-')[0]!.toLowerCase();
  return (MESSAGES as Record<string, Messages>)[primary] ?? MESSAGES.en;
}
