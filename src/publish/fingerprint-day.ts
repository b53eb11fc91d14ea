import { createHash, type Hash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileStem, toFileStem } from '../arxiv/to-file-stem.js';
import type { Config } from '../config/config-schema.js';
import { readPackageVersion } from '../config/read-package-version.js';
import type { Edition } from '../edition/edition.js';

// Raised when what the fingerprint covers changes, so every day is published once more.
const FINGERPRINT_FORMAT = 1;

// Folders of the archive beyond the day's papers that publishing reads: other editions, issues, the podcast's audio.
const ARCHIVE_FOLDERS = ['digests', join('archive', 'editions'), 'issues', 'audio'];

/**
 * A hash of everything a day's published files (digest, pages, archive, feeds, search data, email) are built from:
 * the edition, the stored files of its papers (by content), the rest of the archive (by name, size and time written),
 * the settings publishing reads and the program's version. The same hash means publishing again writes the same files.
 */
export async function fingerprintDay(config: Pick<Config, 'outputDir' | 'publicUrl' | 'mailUnsubscribe'>, edition: Edition): Promise<string> {
  const { outputDir } = config;
  const hash = createHash('sha256');
  addParts(hash, [`format ${FINGERPRINT_FORMAT}`, readPackageVersion(), JSON.stringify([config.publicUrl, config.mailUnsubscribe]), JSON.stringify(edition)]);
  await addPaperFiles(hash, outputDir, new Set(edition.papers.map(({ brief }) => toFileStem(brief.paper.id, brief.paper.version))));
  for (const folder of ARCHIVE_FOLDERS) await addFolderEntries(hash, outputDir, folder, edition.date);
  addParts(hash, [`podcast feed ${await stat(join(outputDir, 'podcast.xml')).then(() => 'yes', () => 'no')}`]);
  return hash.digest('hex');
}

// --- internal ---

// The flowchart, styles and podcast script beside each page; the pages themselves are what publishing writes.
async function addPaperFiles(hash: Hash, outputDir: string, stems: ReadonlySet<string>): Promise<void> {
  const names = await readdir(join(outputDir, 'papers')).catch(() => [] as string[]);
  for (const name of names.sort()) {
    // A paper's file name starts with its stem: `2509.08721v2.flowchart.png`, `hep-th_9108004v1.blurb.de.json`.
    const stem = readFileStem(name)?.stem;
    if (stem === undefined || !stems.has(stem) || name.endsWith('.html')) continue;
    addParts(hash, [name]);
    hash.update(await readFile(join(outputDir, 'papers', name)));
  }
}

// The day's own digest and record are written by publishing it, so they are left out.
async function addFolderEntries(hash: Hash, outputDir: string, folder: string, date: string): Promise<void> {
  const names = await readdir(join(outputDir, folder)).catch(() => [] as string[]);
  for (const name of names.sort()) {
    if (name.startsWith(`${date}.`) && folder !== 'audio') continue;
    const info = await stat(join(outputDir, folder, name)).catch(() => undefined);
    if (info?.isFile()) addParts(hash, [join(folder, name), String(info.size), String(info.mtimeMs)]);
  }
}

function addParts(hash: Hash, parts: string[]): void {
  for (const part of parts) hash.update(part).update('\0');
}
