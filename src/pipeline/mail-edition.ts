import type { Config } from '../config/config-schema.js';
import { readDigestIndex } from '../output/digest-store.js';
import { acquireRunLock } from './acquire-run-lock.js';
import { assertFolderWritable } from './assert-folder-writable.js';
import { type SendEditionOptions, type SendEditionResult, sendEdition } from './send-edition.js';

/** `summarize send`: the edition mailed once, under the output folder's lock so two sends (or a night's run) cannot race. */
export async function mailEdition(config: Config, options: SendEditionOptions): Promise<SendEditionResult> {
  // No edition, no folder to make: a mistyped --out is not created.
  await readDigestIndex(config.outputDir, options.date);
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  const lock = await acquireRunLock(config.outputDir, { command: `send --date ${options.date}` });
  try {
    return await sendEdition(config, options);
  } finally {
    await lock.release();
  }
}
