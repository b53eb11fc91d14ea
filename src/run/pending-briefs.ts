import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { toFileStem } from '../arxiv/to-file-stem.js';
import { type Brief, BriefSchema } from '../brief/brief-schema.js';
import { readStoredBrief, writeBrief } from '../output/brief-store.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';

// Briefs paid for but not written to the output folder (a full disk): they wait in the cache folder,
// and the next run writes them there instead of paying for them again.

/** Keeps a brief the output folder refused; returns where, or undefined when the cache folder refuses it too. */
export async function keepPendingBrief(cacheDir: string, brief: Brief): Promise<string | undefined> {
  const path = pendingPath(cacheDir, toFileStem(brief.paper.id, brief.paper.version));
  try {
    await writeFileAtomic(path, JSON.stringify(brief));
    return path;
  } catch {
    return undefined;
  }
}

/** What became of the waiting briefs: written now, or still waiting because the output folder refuses them. */
export interface RecoveredBriefs {
  recovered: string[];
  /** Still no room: the reason, for the run to pay for nothing more until they are written. */
  stuck: Array<{ stem: string; reason: string }>;
}

/** Writes every waiting brief whose paper has no brief in the output folder yet. */
export async function recoverPendingBriefs(outputDir: string, cacheDir: string): Promise<RecoveredBriefs> {
  const folder = join(cacheDir, 'pending');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
  const recovered: string[] = [];
  const stuck: RecoveredBriefs['stuck'] = [];
  for (const name of names) {
    const path = join(folder, name);
    const brief = await readPendingBrief(path);
    if (!brief) {
      await rm(path, { force: true });
      continue;
    }
    if (!(await readStoredBrief(outputDir, brief.paper.id, brief.paper.version, brief.generation.language))) {
      // Still no room: it stays pending, and the run pays for nothing more.
      const failure = await writeBrief(outputDir, brief).then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
      if (failure !== undefined) {
        stuck.push({ stem: toFileStem(brief.paper.id, brief.paper.version), reason: failure });
        continue;
      }
      recovered.push(toFileStem(brief.paper.id, brief.paper.version));
    }
    await rm(path, { force: true });
  }
  return { recovered, stuck };
}

// --- internal ---

function pendingPath(cacheDir: string, stem: string): string {
  return join(cacheDir, 'pending', `${stem}.json`);
}

async function readPendingBrief(path: string): Promise<Brief | undefined> {
  try {
    const parsed = BriefSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
