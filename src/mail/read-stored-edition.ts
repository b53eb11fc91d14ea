import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Edition } from '../edition/edition.js';
import { BriefError } from '../errors/brief-error.js';
import { getDigestPaths, readDigestBriefs } from '../output/digest-store.js';

// The day's edition from the stored digest index and briefs, with each paper's ranking reason when the index has one.
export async function readStoredEdition(outputDir: string, date: string): Promise<Edition> {
  const indexPath = getDigestPaths(outputDir, date).json;
  if (!existsSync(indexPath)) {
    throw new BriefError(
      `no edition for ${date} in ${join(outputDir, 'digests')}: make it with \`summarize nightly --date ${date}\` (or rebuild it from stored briefs with \`summarize digest --date ${date}\`)`,
    );
  }
  const briefs = await readDigestBriefs(outputDir, date);
  const reasons = await readReasons(indexPath);
  return {
    date,
    papers: briefs.map((brief) => {
      const reason = reasons.get(`${brief.paper.id}v${brief.paper.version}`);
      return reason === undefined ? { brief } : { brief, reason };
    }),
  };
}

// --- internal ---

// Tolerant on purpose: `reason` is an optional field a ranking step may add to the index.
async function readReasons(indexPath: string): Promise<Map<string, string>> {
  const reasons = new Map<string, string>();
  try {
    const index = JSON.parse(await readFile(indexPath, 'utf8')) as { papers?: unknown };
    for (const paper of Array.isArray(index.papers) ? index.papers : []) {
      const { id, version, reason } = (paper ?? {}) as Record<string, unknown>;
      if (typeof id === 'string' && typeof version === 'number' && typeof reason === 'string' && reason.trim() !== '') {
        reasons.set(`${id}v${version}`, reason.trim());
      }
    }
  } catch {
    // readDigestBriefs has already validated the index; a reason we cannot read is simply not shown.
  }
  return reasons;
}
