import { listIssueRecords } from '../issue/list-issue-records.js';
import { publishEdition, type PublishedEdition } from '../archive/publish-edition.js';
import type { Warn } from '../archive/for-each-archived-edition.js';
import type { Config } from '../config/config-schema.js';
import type { Edition } from '../edition/edition.js';
import { writeEmailEdition } from '../mail/write-email-edition.js';
import { getPaperPagePath } from '../archive/write-paper-page.js';
import { fingerprintDay } from './fingerprint-day.js';
import { writePublishRecord } from './publish-record-store.js';
import { attachEpisode } from './read-edition-with-episode.js';

export interface PublishedDay extends PublishedEdition {
  email: { html: string; text: string; htmlBytes: number };
}

export interface PublishDayOptions {
  /** `fingerprintDay(config, givenEdition)` when the caller has just taken it; default: taken here. */
  fingerprint?: string;
}

/** Everything readers get of a day: the digest, the web edition, paper pages, archive and feeds, and the email edition. */
export async function publishDay(config: Config, givenEdition: Edition, warn: Warn, options: PublishDayOptions = {}): Promise<PublishedDay> {
  // Taken before anything is written: the record says which inputs the files were built from.
  const fingerprint = options.fingerprint ?? (await fingerprintDay(config, givenEdition));
  // A remade edition keeps the day's episode on its pages.
  const edition = givenEdition.episode ? givenEdition : await attachEpisode(config.outputDir, givenEdition);
  const published = await publishEdition(config.outputDir, edition, { publicUrl: config.publicUrl, warn, issues: await listIssueRecords(config.outputDir) });
  const email = await writeEmailEdition(config.outputDir, edition, { publicUrl: config.publicUrl, unsubscribe: config.mailUnsubscribe });
  const paths = [published.markdown, published.html, email.paths.html, email.paths.text, published.index];
  await writePublishRecord(config.outputDir, edition.date, { fingerprint, paths, pages: edition.papers.map(({ brief }) => getPaperPagePath(config.outputDir, brief)) });
  return { ...published, email: { ...email.paths, htmlBytes: Buffer.byteLength(email.html) } };
}
