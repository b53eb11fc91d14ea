// Child process for lock tests: tries to take the run lock of argv[2], prints one JSON line, and holds the lock until killed or stdin closes.
import { acquireRunLock } from '../../src/run/acquire-run-lock.js';

const outputDir = process.argv[2];
if (!outputDir) throw new Error('usage: hold-lock.ts <outputDir>');

try {
  const lock = await acquireRunLock(outputDir, { command: 'test-hold-lock' });
  process.stdout.write(`${JSON.stringify({ acquired: true, pid: process.pid })}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => void lock.release().then(() => process.exit(0)));
} catch (error) {
  process.stdout.write(`${JSON.stringify({ acquired: false, pid: process.pid, message: (error as Error).message })}\n`);
  process.exit(1);
}
