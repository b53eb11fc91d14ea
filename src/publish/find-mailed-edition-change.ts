import type { Config } from '../config/config-schema.js';
import type { Edition } from '../edition/edition.js';
import { editionLanguage } from '../edition/edition-messages.js';
import { describeLanguageName } from '../language/describe-language-name.js';
import { wasMailedToReaders } from '../readers/was-mailed-to-readers.js';
import { readDigestIndex } from '../output/digest-store.js';

/**
 * Why this edition must not replace the stored one: readers were already mailed an edition of that day with
 * other papers or in another language (the web edition must stay what they got). Undefined when it may be published.
 */
export async function findMailedEditionChange(config: Pick<Config, 'outputDir' | 'dataDir'>, edition: Edition): Promise<string | undefined> {
  const { outputDir } = config;
  if (!(await wasMailedToReaders(config, edition.date))) return undefined;
  let stored: Awaited<ReturnType<typeof readDigestIndex>>;
  try {
    stored = await readDigestIndex(outputDir, edition.date);
  } catch {
    return undefined;
  }
  const storedLanguage = stored.language ?? 'en';
  const language = editionLanguage(edition);
  // One edition per day: another language is refused, not written beside it (its briefs are kept, as papers/<stem>.<language>.*).
  if (language !== storedLanguage) {
    return `the edition of ${edition.date} was already mailed in ${describeLanguageName(storedLanguage)}; it is not rewritten in ${describeLanguageName(language)} (those briefs are kept in papers/, and an issue can be made in that language)`;
  }
  const storedIds = stored.papers.map((paper) => `${paper.id}v${paper.version}`);
  const ids = edition.papers.map(({ brief }) => `${brief.paper.id}v${brief.paper.version}`);
  if (ids.length === storedIds.length && ids.every((id, index) => id === storedIds[index])) return undefined;
  return `the edition of ${edition.date} was already mailed with ${storedIds.length} papers; it is not rewritten with these ${ids.length}`;
}
