import type { Brief } from '../../src/brief/brief-schema.js';
import { writeBrief } from '../../src/output/brief-store.js';
import { writeDigest } from '../../src/output/digest-store.js';

/** Writes the briefs and the day's digest into `outputDir` with the real store, as a nightly run leaves them. */
export async function storeEdition(outputDir: string, date: string, briefs: readonly Brief[]): Promise<void> {
  for (const brief of briefs) await writeBrief(outputDir, brief);
  await writeDigest(outputDir, date, briefs);
}
