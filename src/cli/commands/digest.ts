import { loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors/brief-error.js';
import { readDigestBriefs, writeDigest } from '../../output/digest-store.js';
import { acquireRunLock } from '../../pipeline/acquire-run-lock.js';
import { resolveDay } from '../../arxiv/resolve-day.js';
import { assertFolderWritable } from '../../pipeline/assert-folder-writable.js';
import type { CliIo } from '../cli-io.js';
import type { Outcome } from '../../pipeline/outcome.js';
import { parseCommandArgs } from '../parse-command-args.js';

/** `summarize digest --date D`: rebuild the day's digest from the stored briefs, byte for byte. */
export async function runDigest(argv: string[], io: CliIo): Promise<Outcome> {
  const { values, positionals } = parseCommandArgs('digest', argv, { date: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`digest: unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.date) throw new UsageError('digest: --date YYYY-MM-DD|yesterday|today is required');
  const date = resolveDay(values.date);
  const config = loadConfig({ env: io.env, flags: { outputDir: values.out } });
  await assertFolderWritable(config.outputDir, 'SUMMARIZE_OUTPUT_DIR (or --out)');
  // The feeds are shared with nightly runs: rebuild them only while no run is writing.
  const lock = await acquireRunLock(config.outputDir, { command: `digest --date ${date}` });
  let paths: Awaited<ReturnType<typeof writeDigest>>;
  let briefs: Awaited<ReturnType<typeof readDigestBriefs>>;
  try {
    briefs = await readDigestBriefs(config.outputDir, date);
    paths = await writeDigest(config.outputDir, date, briefs, { publicUrl: config.publicUrl });
  } finally {
    await lock.release();
  }
  io.stderr.write(`wrote ${paths.markdown}, ${paths.html} and the feeds (${briefs.length} papers)\n`);
  return 'done';
}
