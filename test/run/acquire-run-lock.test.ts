import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunError } from '../../src/errors/brief-error.js';
import { acquireRunLock, releaseRunLockOnExit } from '../../src/run/acquire-run-lock.js';

const HOLD_LOCK_SCRIPT = fileURLToPath(new URL('../helpers/hold-lock.ts', import.meta.url));
const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));

let outputDir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'run-lock-'));
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(outputDir, { recursive: true, force: true });
});

interface HoldResult {
  acquired: boolean;
  pid: number;
  message?: string;
}

// Starts a real process that takes the lock and keeps it until killed.
async function startHolder(): Promise<{ child: ChildProcess; result: HoldResult }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLD_LOCK_SCRIPT, outputDir], {
    cwd: PROJECT_DIR,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const firstLine = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`hold-lock exited with ${code} before reporting`)));
  });
  return { child, result: JSON.parse(firstLine) as HoldResult };
}

async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

const lockPath = () => join(outputDir, '.summarize.lock');

describe('acquireRunLock between real processes', () => {
  it('refuses while another live process holds the lock, naming its pid and start time', async () => {
    const { result } = await startHolder();
    expect(result.acquired).toBe(true);

    const attempt = acquireRunLock(outputDir);
    await expect(attempt).rejects.toBeInstanceOf(RunError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toMatch(
      new RegExp(`^another summarize run \\(pid ${result.pid}, started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\) holds `),
    );
    expect(message).toContain(lockPath());
    expect(message).toContain('wait for it to finish, or remove the file if that process is gone');
  });

  it('takes over the lock of a process killed with SIGKILL (no cleanup ran)', async () => {
    const { child, result } = await startHolder();
    expect(result.acquired).toBe(true);
    child.kill('SIGKILL');
    await waitForExit(child);
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: result.pid });

    const lock = await acquireRunLock(outputDir, { command: 'nightly' });
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
      command: 'nightly',
    });
    await lock.release();
    expect(await readdir(outputDir)).toEqual([]);
  });

  it('lets a second process in once the first released the lock', async () => {
    const first = await startHolder();
    expect(first.result.acquired).toBe(true);
    first.child.stdin!.end();
    await waitForExit(first.child);
    expect(first.child.exitCode).toBe(0);

    const second = await startHolder();
    expect(second.result.acquired).toBe(true);
  });
});

// A child that lives for 10 s and leaves its own child a zombie (exited, never reaped): `exec sleep` does not reap.
async function startZombie(): Promise<number> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 10'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(parent);
  const pid = Number(await new Promise<string>((resolve) => createInterface({ input: parent.stdout! }).once('line', resolve)));
  for (let tries = 0; tries < 200; tries++) {
    if (readStat(pid)?.state === 'Z') return pid;
    await delay(10);
  }
  throw new Error(`process ${pid} did not become a zombie`);
}

function readStat(pid: number): { state: string; startTime: string } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
    return { state: fields[0]!, startTime: fields[19]! };
  } catch {
    return undefined;
  }
}

function startSleeper(): ChildProcess {
  const child = spawn('sleep', ['10'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

describe.skipIf(process.platform !== 'linux')('acquireRunLock tells a live holder from a reused pid (Linux /proc)', () => {
  it('records the process start time and the boot id beside the pid', async () => {
    const lock = await acquireRunLock(outputDir);
    const record = JSON.parse(await readFile(lockPath(), 'utf8'));
    expect(record).toMatchObject({ pid: process.pid, processStartTime: readStat(process.pid)!.startTime });
    expect(record.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    await lock.release();
  });

  it('takes over a lock whose pid now belongs to another, later-started process', async () => {
    const { child, result } = await startHolder();
    expect(result.acquired).toBe(true);
    const record = JSON.parse(await readFile(lockPath(), 'utf8'));
    child.kill('SIGKILL');
    await waitForExit(child);
    // After a restart the pid is handed to an unrelated process: same pid number, another start time.
    const sleeper = startSleeper();
    await writeFile(lockPath(), JSON.stringify({ ...record, pid: sleeper.pid }));

    const lock = await acquireRunLock(outputDir);
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('still refuses when the pid and its start time both match a live process', async () => {
    const sleeper = startSleeper();
    await delay(50);
    const startTime = readStat(sleeper.pid!)!.startTime;
    await writeFile(lockPath(), JSON.stringify({ pid: sleeper.pid, hostname: hostname(), startedAt: '2026-11-22T02:00:01Z', processStartTime: startTime }));
    await expect(acquireRunLock(outputDir)).rejects.toThrow(`another summarize run (pid ${sleeper.pid}, started 2026-11-22T02:00:01Z) holds`);
  });

  it('counts a zombie process as dead', async () => {
    const zombie = await startZombie();
    await writeFile(lockPath(), JSON.stringify({ pid: zombie, hostname: hostname(), startedAt: '2026-11-22T02:00:01Z' }));

    const lock = await acquireRunLock(outputDir);
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('takes over a lock holding our own pid that this process did not take (a restarted job got its old pid back)', async () => {
    await writeFile(lockPath(), JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: '2026-11-22T02:00:01Z' }));

    const lock = await acquireRunLock(outputDir);
    expect(JSON.parse(await readFile(lockPath(), 'utf8')).startedAt).not.toBe('2026-11-22T02:00:01Z');
    // A lock this very process holds still counts as held.
    await expect(acquireRunLock(outputDir)).rejects.toThrow(`another summarize run (pid ${process.pid}`);
    await lock.release();
  });

  it('takes over a lock from before the last reboot (another boot id)', async () => {
    const sleeper = startSleeper();
    await writeFile(lockPath(), JSON.stringify({ pid: sleeper.pid, hostname: hostname(), startedAt: '2026-11-22T02:00:01Z', bootId: 'a-previous-boot' }));
    const lock = await acquireRunLock(outputDir);
    await lock.release();
  });
});

describe('acquireRunLock', () => {
  it('says how to clear a lock from another host: the file to delete, safe when no run is going on there', async () => {
    await writeFile(lockPath(), JSON.stringify({ pid: 1, hostname: 'other-host', startedAt: new Date().toISOString() }));
    const message = await acquireRunLock(outputDir).catch((error: Error) => error.message);
    expect(message).toContain(`if no summarize run is going on on other-host, it is safe to delete ${lockPath()}`);
  });

  it('fails with a clear message, no stack trace, when the lock path is a directory', async () => {
    await mkdir(lockPath());
    const failure = await acquireRunLock(outputDir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RunError);
    expect((failure as Error).message).toBe(`${lockPath()} is a directory, not a lock file: remove it (rmdir ${lockPath()}) and run again`);
  });

  it('writes pid, hostname, start time and command, and release removes the file', async () => {
    const lock = await acquireRunLock(outputDir, {
      pid: 4242,
      hostname: 'box',
      command: 'nightly',
      now: () => Date.parse('2026-11-22T02:00:01.500Z'),
    });
    expect(lock.path).toBe(lockPath());
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({
      pid: 4242,
      hostname: 'box',
      startedAt: '2026-11-22T02:00:01Z',
      command: 'nightly',
    });
    await lock.release();
    await lock.release();
    expect(await readdir(outputDir)).toEqual([]);
  });

  it('creates the output folder when it does not exist yet', async () => {
    const lock = await acquireRunLock(join(outputDir, 'nested', 'out'));
    expect(lock.path).toBe(join(outputDir, 'nested', 'out', '.summarize.lock'));
    await lock.release();
  });

  it('counts EPERM-style "alive" answers as held and dead ones as stale', async () => {
    await writeFile(lockPath(), JSON.stringify({ pid: 77, hostname: 'box', startedAt: '2026-11-22T02:00:01Z' }));
    await expect(acquireRunLock(outputDir, { hostname: 'box', isProcessAlive: () => true })).rejects.toThrow(
      'another summarize run (pid 77, started 2026-11-22T02:00:01Z) holds',
    );
    const lock = await acquireRunLock(outputDir, { hostname: 'box', isProcessAlive: (pid) => pid !== 77 });
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('takes over an empty or corrupt lock file once it is a few seconds old', async () => {
    for (const content of ['', '{"pid": 12', '{"unexpected": true}']) {
      await writeFile(lockPath(), content);
      const old = new Date(Date.now() - 60_000);
      await utimes(lockPath(), old, old);
      const lock = await acquireRunLock(outputDir);
      expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
      await lock.release();
    }
  });

  it('treats a just-written unreadable lock as another run starting up', async () => {
    await writeFile(lockPath(), '');
    await expect(acquireRunLock(outputDir)).rejects.toThrow(/is being written by another summarize run.*try again in a few seconds/);
    expect(await readFile(lockPath(), 'utf8')).toBe('');
  });

  it('holds a lock from another host until staleAfterMs has passed since it started', async () => {
    const startedAt = '2026-11-22T02:00:01Z';
    await writeFile(lockPath(), JSON.stringify({ pid: 1, hostname: 'other-host', startedAt }));
    const isProcessAlive = () => {
      throw new Error('a pid from another host must not be checked here');
    };
    await expect(
      acquireRunLock(outputDir, { isProcessAlive, now: () => Date.parse(startedAt) + 23 * 3_600_000 }),
    ).rejects.toThrow(`another summarize run (pid 1 on other-host, started ${startedAt}) holds ${lockPath()}`);
    await expect(
      acquireRunLock(outputDir, { isProcessAlive, staleAfterMs: 60_000, now: () => Date.parse(startedAt) + 30_000 }),
    ).rejects.toThrow('taken over only after 1 min');

    const lock = await acquireRunLock(outputDir, { isProcessAlive, now: () => Date.parse(startedAt) + 25 * 3_600_000 });
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('release leaves alone a lock that another run has taken over meanwhile', async () => {
    const lock = await acquireRunLock(outputDir, { pid: 101 });
    const successor = await acquireRunLock(outputDir, { pid: 202, isProcessAlive: (pid) => pid !== 101 });
    await lock.release();
    lock.releaseSync();
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: 202 });
    await successor.release();
    expect(await readdir(outputDir)).toEqual([]);
  });

  it('lets exactly one of many racers take over the same stale lock', async () => {
    for (let round = 0; round < 15; round++) {
      await writeFile(lockPath(), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: '2026-11-22T02:00:01Z' }));
      const racers = Array.from({ length: 8 }, (_, index) =>
        acquireRunLock(outputDir, { pid: 1000 + index, isProcessAlive: (pid) => pid !== 1 }),
      );
      const outcomes = await Promise.allSettled(racers);
      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(RunError);
      }
      const holder = JSON.parse(await readFile(lockPath(), 'utf8')) as { pid: number };
      const winningPid = 1000 + outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
      expect(holder.pid).toBe(winningPid);
      await winners[0]!.value.release();
      expect(await readdir(outputDir)).toEqual([]);
    }
  });

  it('recovers from a takeover left unfinished by a process that died in the middle of it', async () => {
    await writeFile(lockPath(), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: '2026-11-22T02:00:01Z' }));
    await writeFile(`${lockPath()}.takeover`, '{"pid":1}');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${lockPath()}.takeover`, old, old);

    const lock = await acquireRunLock(outputDir, { isProcessAlive: (pid) => pid !== 1 });
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
    expect(await readdir(outputDir)).toEqual([]);
  });

  it('releaseRunLockOnExit removes the lock when the process exits', async () => {
    const lock = await acquireRunLock(outputDir);
    const fakeProcess = new EventEmitter();
    releaseRunLockOnExit(lock, fakeProcess);
    fakeProcess.emit('exit', 0);
    expect(await readdir(outputDir)).toEqual([]);

    const second = await acquireRunLock(outputDir);
    const unregister = releaseRunLockOnExit(second, fakeProcess);
    unregister();
    fakeProcess.emit('exit', 0);
    expect(await readdir(outputDir)).toEqual(['.summarize.lock']);
    await second.release();
  });
});
