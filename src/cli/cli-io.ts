import { basename } from 'node:path';
import type { BatchClock } from '../batch/batch-plan.js';

/** Where a command writes; tests pass their own streams, the binary passes the process's. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** The command as the user typed it (`summarize` or `arxiv-brief`), for messages; default `summarize`. */
  programName?: string;
  /** The clock batches are polled by; default the real one (tests pass one that moves when they say). */
  batchClock?: BatchClock;
}

export function processIo(): CliIo {
  const invoked = basename(process.argv[1] ?? 'summarize').replace(/\.js$/, '');
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, programName: invoked === 'arxiv-brief' ? 'arxiv-brief' : 'summarize' };
}
