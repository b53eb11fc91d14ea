import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Edition } from '../edition/edition.js';
import { BriefError } from '../errors/brief-error.js';
import { getBriefPaths, readStoredBrief } from './brief-store.js';
import { editionLanguage } from '../edition/edition-messages.js';
import { getMessages } from '../language/messages.js';
import { PROSE_STYLE_NAMES } from '../brief/style-names.js';

/** `digests/<date>.json`: the papers of an edition in rank order; what `summarize digest` rebuilds the edition from. */
export const DigestIndexSchema = z.object({
  schemaVersion: z.literal(1),
  date: z.string(),
  papers: z.array(
    z.object({
      id: z.string(),
      version: z.number().int().positive(),
      title: z.string(),
      /** Why ranking picked the paper; absent when the run did not rank. */
      reason: z.string().optional(),
    }),
  ),
  /** Papers of the day's list already shown in full in an earlier edition; absent when there are none. */
  /** BCP 47 tag of the briefs' language (`papers/<stem>.<language>.json`); absent: English. */
  language: z.string().optional(),
  /** The prose style the edition shows its papers in; absent: the brief's five points. */
  style: z.enum(PROSE_STYLE_NAMES).optional(),
  repeats: z
    .array(z.object({ id: z.string(), version: z.number().int().positive(), title: z.string(), firstShown: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }))
    .optional(),
});
export type DigestIndex = z.infer<typeof DigestIndexSchema>;

export interface DigestPaths {
  markdown: string;
  json: string;
  /** The web edition. */
  html: string;
}

export function getDigestPaths(outputDir: string, date: string): DigestPaths {
  const stem = join(outputDir, 'digests', date);
  return { markdown: `${stem}.md`, json: `${stem}.json`, html: `${stem}.html` };
}

/** The dates (YYYY-MM-DD) of every edition with an index in `digests/`, oldest first. */
export async function listEditionDates(outputDir: string): Promise<string[]> {
  const names = await readdir(join(outputDir, 'digests')).catch(() => [] as string[]);
  return names
    .filter((name) => DIGEST_INDEX_NAME.test(name))
    .map((name) => name.slice(0, 10))
    .sort();
}

/** Whether the day has an edition (its index), whatever state it is in. */
export async function editionExists(outputDir: string, date: string): Promise<boolean> {
  return access(getDigestPaths(outputDir, date).json).then(
    () => true,
    () => false,
  );
}

/** The index of an edition, from the edition alone. */
export function buildDigestIndex(edition: Edition): DigestIndex {
  const language = editionLanguage(edition);
  return {
    schemaVersion: 1,
    date: edition.date,
    papers: edition.papers.map(({ brief, reason }) => ({
      id: brief.paper.id,
      version: brief.paper.version,
      title: brief.paper.title,
      ...(reason === undefined ? {} : { reason }),
    })),
    ...(language === 'en' ? {} : { language }),
    ...(edition.style ? { style: edition.style } : {}),
    // Left out when empty, so an edition without repeats keeps the bytes it always had.
    ...(edition.repeats?.length ? { repeats: edition.repeats.map(({ id, version, title, firstShown }) => ({ id, version, title, firstShown })) } : {}),
  };
}

/** The stored index of a day's edition; a clear error when there is none or it is not ours. */
export async function readDigestIndex(outputDir: string, date: string): Promise<DigestIndex> {
  const paths = getDigestPaths(outputDir, date);
  let text: string;
  try {
    text = await readFile(paths.json, 'utf8');
  } catch {
    throw new BriefError(`no edition for ${date} in ${join(outputDir, 'digests')}: make it with \`summarize nightly --date ${date}\``);
  }
  try {
    return DigestIndexSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new BriefError(`${paths.json} is not a digest index written by summarize; run \`summarize nightly --date ${date}\` again`, { cause: error });
  }
}

/**
 * A day's edition read back from its index and the stored briefs, in its order and in the language its briefs
 * were written in (or `language`, for `digest --language`); throws when a brief is missing or invalid.
 */
export async function readEdition(outputDir: string, date: string, language?: string): Promise<Edition> {
  const index = await readDigestIndex(outputDir, date);
  const papers: Edition['papers'] = [];
  const publishedLanguage = index.language ?? 'en';
  const briefLanguage = language ?? publishedLanguage;
  const untranslated: string[] = [];
  for (const paper of index.papers) {
    const brief = await readStoredBrief(outputDir, paper.id, paper.version, briefLanguage);
    const stem = toFileStem(paper.id, paper.version);
    if (!brief && briefLanguage !== publishedLanguage) untranslated.push(stem);
    else if (!brief) {
      throw new BriefError(`${getDigestPaths(outputDir, date).json} lists ${stem}, but ${getBriefPaths(outputDir, paper.id, paper.version, briefLanguage).json} is missing or no longer a valid brief`);
    } else papers.push({ brief, ...(paper.reason === undefined ? {} : { reason: paper.reason }) });
  }
  // Briefs in another language than the edition's are made by summarize, not found: say how.
  if (untranslated.length > 0) {
    const [briefs, them] = untranslated.length === 1 ? ['brief', 'it'] : ['briefs', 'them'];
    throw new BriefError(`the edition of ${date} has no ${getMessages(briefLanguage).name} (${briefLanguage}) ${briefs} for ${untranslated.join(', ')}: \`summarize ${untranslated.join(' ')} --language ${briefLanguage}\` writes ${them}, then run this again`);
  }
  // The style is named here; its texts are attached by whoever shows the edition (see attachEditionStyle).
  return { date, papers, ...(briefLanguage === 'en' ? {} : { language: briefLanguage }), ...(index.style ? { style: index.style } : {}), ...(index.repeats ? { repeats: index.repeats } : {}) };
}

// --- internal ---

const DIGEST_INDEX_NAME = /^\d{4}-\d{2}-\d{2}\.json$/;
