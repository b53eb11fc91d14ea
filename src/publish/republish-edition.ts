import type { Warn } from '../archive/for-each-archived-edition.js';
import type { Config } from '../config/config-schema.js';
import type { Edition } from '../edition/edition.js';
import { toFileStem } from '../arxiv/to-file-stem.js';
import { readEdition } from '../output/digest-store.js';
import { attachEditionStyle } from './attach-edition-style.js';
import type { ProseStyleName } from '../brief/style-names.js';
import { acquireRunLock } from '../run/acquire-run-lock.js';
import { assertFolderWritable } from '../run/assert-folder-writable.js';
import { type PublishedDay, publishDay } from './publish-day.js';
import { removeAbandonedTemporaryFiles } from '../run/remove-abandoned-temporary-files.js';
import { BriefError } from '../errors/brief-error.js';
import { findMailedEditionChange } from './find-mailed-edition-change.js';

/**
 * `summarize digest`: the day's edition published again from its stored index and briefs, byte for byte; with
 * `style` (`--style`), in that style from the stored texts (`brief` for the five points), and with `language`
 * (`--language`) from the briefs in that language; no model call either way.
 */
export async function republishEdition(config: Config, date: string, { warn, style, language }: { warn: Warn; style?: ProseStyleName | 'brief' | undefined; language?: string | undefined }): Promise<PublishedDay & { papers: number }> {
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  // The archive and feeds are shared with nightly runs: rebuild them only while no run is writing.
  const lock = await acquireRunLock(config.outputDir, { command: `digest --date ${date}` });
  try {
    await removeAbandonedTemporaryFiles(config.outputDir);
    const stored = await readEdition(config.outputDir, date, language);
    const edition = await attachEditionStyle(config.outputDir, stored, style === undefined ? stored.style : style === 'brief' ? undefined : style);
    // Readers have the mailed edition: the web edition is not rebuilt in another language.
    const mailedChange = await findMailedEditionChange(config, edition);
    if (mailedChange) throw new BriefError(`${mailedChange}: \`summarize digest --date ${date}\` without --language rebuilds it as mailed`);
    warnAboutMissingStyle(edition, warn);
    return { ...(await publishDay(config, edition, warn)), papers: edition.papers.length };
  } finally {
    await lock.release();
  }
}

// --- internal ---

// A paper without a stored text in the style keeps its brief: the reader of the edition should not be the first to notice.
function warnAboutMissingStyle(edition: Edition, warn: Warn): void {
  if (edition.style === undefined) return;
  const missing = edition.papers.filter((paper) => paper.styled === undefined).map(({ brief }) => brief);
  if (missing.length === 0) return;
  const stems = missing.map((brief) => toFileStem(brief.paper.id, brief.paper.version));
  const language = missing[0]!.generation.language ?? 'en';
  const [its, it] = missing.length === 1 ? ['its brief', 'it'] : ['their briefs', 'them'];
  warn(`no stored ${edition.style} for ${stems.join(', ')}, so the edition shows ${its}; \`summarize ${stems.join(' ')} --style ${edition.style}${language === 'en' ? '' : ` --language ${language}`}\` writes ${it}`);
}
