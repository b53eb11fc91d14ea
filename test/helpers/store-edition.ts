import { publishEdition } from '../../src/archive/publish-edition.js';
import type { Brief } from '../../src/brief/brief-schema.js';
import { writeBrief } from '../../src/output/brief-store.js';

/** Writes the briefs and publishes the day's edition into `outputDir` with the real store, as a nightly run leaves them. */
export async function storeEdition(outputDir: string, date: string, briefs: readonly Brief[]): Promise<void> {
  for (const brief of briefs) await writeBrief(outputDir, brief);
  await publishEdition(outputDir, { date, papers: briefs.map((brief) => ({ brief })) }, { warn: () => {} });
}
