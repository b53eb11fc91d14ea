import { PassThrough, Readable } from 'node:stream';
import type { BatchClock } from '../../src/batch/batch-plan.js';
import { runCli } from '../../src/cli/main.js';
import { NIGHT } from './nightly-papers.js';

/** A clock that moves only when the run sleeps between polls: a night of batch waiting takes no wall-clock time. */
export interface FakeClock extends BatchClock {
  slept: number[];
}

/** Starts at `startAt`; `onSleep` runs at each sleep before the clock moves (a test stops a run or finishes a batch there). */
export function createFakeClock(startAt = Date.now(), onSleep?: (milliseconds: number) => Promise<void>): FakeClock {
  let now = startAt;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(milliseconds) {
      slept.push(milliseconds);
      await onSleep?.(milliseconds);
      now += milliseconds;
      // The polls' HTTP requests and the other papers go on between sleeps.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** `nightly` in-process on the fake clock, as a user's shell would run it. */
export async function runNight(env: NodeJS.ProcessEnv, batchClock: BatchClock) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
  stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
  const code = await runCli(['nightly', '--date', NIGHT], { stdout, stderr, stdin: Readable.from(['']), env, batchClock });
  return { code, stderr: Buffer.concat(chunks.stderr).toString('utf8') };
}
