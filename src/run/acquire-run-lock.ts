import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { RunError } from '../errors/brief-error.js';
import { formatDuration } from '../format/format-duration.js';

export const RUN_LOCK_FILE_NAME = '.summarize.lock';

/** What the lock file holds, so a person (or the next run) can tell who holds it. */
export const RunLockRecordSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string().min(1),
  startedAt: z.string(),
  command: z.string().optional(),
  /** Field 22 of /proc/<pid>/stat (clock ticks after boot): a reused pid has another one. */
  processStartTime: z.string().optional(),
  /** /proc/sys/kernel/random/boot_id: after a reboot, no pid of the lock's time is alive. */
  bootId: z.string().optional(),
});
export type RunLockRecord = z.infer<typeof RunLockRecordSchema>;

export interface RunLock {
  path: string;
  /** Removes the lock file if it is still ours (another run may have taken over a stale one). */
  release(): Promise<void>;
  /** The same, synchronously, for `process.once('exit')` where nothing async runs. */
  releaseSync(): void;
}

export interface AcquireRunLockOptions {
  /** Default: `process.pid`. */
  pid?: number;
  /** Default: `os.hostname()`. */
  hostname?: string;
  /** Recorded in the lock file for whoever reads it, e.g. `nightly`. */
  command?: string;
  /** Default: `Date.now`. */
  now?: () => number;
  /** Default: `process.kill(pid, 0)`, EPERM counting as alive and a zombie as dead. */
  isProcessAlive?: (pid: number) => boolean;
  /** Default: field 22 of `/proc/<pid>/stat`; undefined where there is no /proc. */
  readProcessStartTime?: (pid: number) => string | undefined;
  /** Default: `/proc/sys/kernel/random/boot_id`; undefined where there is no /proc. */
  bootId?: string | undefined;
  /**
   * A lock written on another host cannot be checked for a live process, so it counts as held
   * until it is this old (by its `startedAt`). Default: 24 hours.
   */
  staleAfterMs?: number;
  /** An unreadable lock file younger than this may be mid-write by another run: it counts as held. Default: 5 s. */
  unreadableGraceMs?: number;
}

/**
 * Makes sure only one run writes into `outputDir` at a time, through `<outputDir>/.summarize.lock`.
 * A lock left by a dead process on this host (or an unreadable one) is taken over; any other throws RunError.
 */
export async function acquireRunLock(outputDir: string, options: AcquireRunLockOptions = {}): Promise<RunLock> {
  const {
    pid = process.pid,
    hostname = osHostname(),
    command,
    now = Date.now,
    isProcessAlive = defaultIsProcessAlive,
    readProcessStartTime = defaultReadProcessStartTime,
    bootId = readBootId(),
    staleAfterMs = 24 * 60 * 60 * 1000,
    unreadableGraceMs = 5000,
  } = options;
  const path = join(outputDir, RUN_LOCK_FILE_NAME);
  await mkdir(outputDir, { recursive: true });
  const startedAt = new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const processStartTime = readProcessStartTime(pid);
  const record: RunLockRecord = {
    pid,
    hostname,
    startedAt,
    ...(command ? { command } : {}),
    ...(processStartTime ? { processStartTime } : {}),
    ...(bootId ? { bootId } : {}),
  };
  const content = `${JSON.stringify(record)}\n`;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (await createExclusive(path, content)) return await ownedLock(path, content);
    const existing = await readLockFile(path);
    if (!existing) continue;
    const verdict = judgeLock(existing, { pid, hostname, bootId, now: now(), isProcessAlive, readProcessStartTime, staleAfterMs, unreadableGraceMs });
    if (verdict.held) throw new RunError(heldMessage(path, existing, verdict.reason, staleAfterMs));
    await removeStaleLock(path, existing, now);
  }
  throw new RunError(
    `could not take ${path} after ${MAX_ATTEMPTS} attempts: other runs keep creating it; try again, or remove the file if no run is active`,
  );
}

/** Releases `lock` when the process exits normally (including `process.exit`); returns a function that undoes the registration. */
export function releaseRunLockOnExit(lock: RunLock, target: NodeJS.EventEmitter = process): () => void {
  const onExit = () => {
    try {
      lock.releaseSync();
    } catch {
      // Exiting anyway: a lock left behind is taken over by the next run once this pid is gone.
    }
  };
  target.once('exit', onExit);
  return () => target.off('exit', onExit);
}

export function defaultIsProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie has exited and only waits for its parent to read its status: it runs nothing.
  const state = readProcStat(pid)?.state;
  return state !== 'Z' && state !== 'X';
}

// --- internal ---

const MAX_ATTEMPTS = 20;
/** The exact contents of the locks this process holds now: a lock with our pid and other contents was left by an earlier process. */
const heldByThisProcess = new Set<string>();

function defaultReadProcessStartTime(pid: number): string | undefined {
  return readProcStat(pid)?.startTime;
}

// /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so fields are counted after the last ")".
function readProcStat(pid: number): { state: string; startTime: string } | undefined {
  try {
    const afterName = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1) ?? '';
    const fields = afterName.trim().split(' ');
    // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
    const [state, startTime] = [fields[0], fields[19]];
    return state && startTime ? { state, startTime } : undefined;
  } catch {
    return undefined;
  }
}

function readBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
/** A takeover holds its mutex for milliseconds; one this old was left by a process that died in between. */
const ABANDONED_TAKEOVER_MS = 10_000;

interface LockFile {
  raw: string;
  inode: number;
  modifiedMs: number;
  record: RunLockRecord | undefined;
}

type Verdict = { held: true; reason: 'alive' | 'other-host' | 'unreadable' } | { held: false };

// link() publishes a fully written file in one step, so no reader ever sees it half-written.
async function createExclusive(path: string, content: string): Promise<boolean> {
  const stagingPath = uniqueSiblingPath(path, 'new');
  await writeFile(stagingPath, content, { flag: 'wx' });
  try {
    await link(stagingPath, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(errorCode(error) ?? '')) throw error;
    // Filesystems without hard links: `wx` is still exclusive, readers get a short unreadable window.
    try {
      await writeFile(path, content, { flag: 'wx' });
      return true;
    } catch (fallbackError) {
      if (errorCode(fallbackError) === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    await unlink(stagingPath).catch(() => undefined);
  }
}

async function ownedLock(path: string, content: string): Promise<RunLock> {
  const { ino } = await stat(path);
  heldByThisProcess.add(content);
  const isStillOurs = (raw: string, inode: number) => raw === content && inode === ino;
  return {
    path,
    async release() {
      heldByThisProcess.delete(content);
      const current = await readLockFile(path);
      if (current && isStillOurs(current.raw, current.inode)) await unlink(path).catch(ignoreMissingOrReadOnly);
    },
    releaseSync() {
      heldByThisProcess.delete(content);
      try {
        const raw = readFileSync(path, 'utf8');
        if (isStillOurs(raw, statSync(path).ino)) unlinkSync(path);
      } catch (error) {
        ignoreMissing(error);
      }
    },
  };
}

async function readLockFile(path: string): Promise<LockFile | undefined> {
  // One handle for both reads, so the content and the inode belong to the same file.
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new RunError(`${path} is a directory, not a lock file: remove it (rmdir ${path}) and run again`);
    const raw = await handle.readFile('utf8');
    return { raw, inode: stats.ino, modifiedMs: stats.mtimeMs, record: parseRecord(raw) };
  } finally {
    await handle.close();
  }
}

function parseRecord(raw: string): RunLockRecord | undefined {
  try {
    const parsed = RunLockRecordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function judgeLock(
  lock: LockFile,
  context: {
    pid: number;
    hostname: string;
    bootId: string | undefined;
    now: number;
    isProcessAlive: (pid: number) => boolean;
    readProcessStartTime: (pid: number) => string | undefined;
    staleAfterMs: number;
    unreadableGraceMs: number;
  },
): Verdict {
  const { record } = lock;
  if (!record) {
    // File times come from the real clock, so they are compared with it rather than the injected one.
    return Date.now() - lock.modifiedMs < context.unreadableGraceMs ? { held: true, reason: 'unreadable' } : { held: false };
  }
  if (record.hostname === context.hostname) return judgeLocalHolder(lock.raw, record, context) ? { held: true, reason: 'alive' } : { held: false };
  const startedMs = Date.parse(record.startedAt);
  const ageMs = Number.isNaN(startedMs) ? Date.now() - lock.modifiedMs : context.now - startedMs;
  return ageMs < context.staleAfterMs ? { held: true, reason: 'other-host' } : { held: false };
}

// A pid alone proves little after a restart: pids are reused, in containers often the very same one.
function judgeLocalHolder(
  raw: string,
  record: RunLockRecord,
  context: { pid: number; bootId: string | undefined; isProcessAlive: (pid: number) => boolean; readProcessStartTime: (pid: number) => string | undefined },
): boolean {
  if (record.pid === context.pid) return heldByThisProcess.has(raw);
  if (record.bootId && context.bootId && record.bootId !== context.bootId) return false;
  if (!context.isProcessAlive(record.pid)) return false;
  const startTime = record.processStartTime === undefined ? undefined : context.readProcessStartTime(record.pid);
  return startTime === undefined || startTime === record.processStartTime;
}

function heldMessage(path: string, lock: LockFile, reason: 'alive' | 'other-host' | 'unreadable', staleAfterMs: number): string {
  const { record } = lock;
  if (reason === 'unreadable' || !record) {
    return `${path} is being written by another summarize run (unreadable, modified ${new Date(lock.modifiedMs).toISOString()}); try again in a few seconds, or remove the file if no run is active`;
  }
  const holder = `another summarize run (pid ${record.pid}${reason === 'other-host' ? ` on ${record.hostname}` : ''}, started ${record.startedAt})`;
  const advice =
    reason === 'other-host'
      ? `if no summarize run is going on on ${record.hostname}, it is safe to delete ${path}; otherwise wait for it to finish ` +
        `(a lock from another host is taken over only after ${formatDuration(staleAfterMs, { style: 'spaced' })})`
      : 'wait for it to finish, or remove the file if that process is gone';
  return `${holder} holds ${path}; ${advice}`;
}

/**
 * Removes `stale` only if it is still the file at `path`. Racing processes all see the same stale
 * lock, so the check-and-remove runs under a takeover mutex: without it, a slow racer could delete
 * the fresh lock a faster racer just created, and both would run.
 */
async function removeStaleLock(path: string, stale: LockFile, now: () => number): Promise<void> {
  const mutexPath = `${path}.takeover`;
  if (!(await createExclusive(mutexPath, `${JSON.stringify({ pid: process.pid, at: new Date(now()).toISOString() })}\n`))) {
    const mutex = await readLockFile(mutexPath);
    if (mutex && Date.now() - mutex.modifiedMs > ABANDONED_TAKEOVER_MS) await removeIfUnchanged(mutexPath, mutex);
    else await sleep(5 + Math.random() * 20);
    return;
  }
  try {
    const current = await readLockFile(path);
    // Only mutex holders remove the lock, so between this check and the unlink it cannot change.
    if (current && current.inode === stale.inode && current.raw === stale.raw) await unlink(path).catch(ignoreMissing);
  } finally {
    await unlink(mutexPath).catch(ignoreMissing);
  }
}

// For an abandoned mutex: move it aside, and put it back if what moved was a newer one.
async function removeIfUnchanged(path: string, observed: LockFile): Promise<void> {
  const asidePath = uniqueSiblingPath(path, 'stale');
  try {
    await rename(path, asidePath);
  } catch (error) {
    ignoreMissing(error);
    return;
  }
  const moved = await stat(asidePath);
  if (moved.ino !== observed.inode) await link(asidePath, path).catch(() => undefined);
  await unlink(asidePath).catch(ignoreMissing);
}


function uniqueSiblingPath(path: string, purpose: string): string {
  return `${path}.${purpose}.${process.pid}.${randomBytes(6).toString('hex')}`;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

// A disk turned read-only mid-run keeps the lock file: the next run finds its process gone and takes the lock over.
function ignoreMissingOrReadOnly(error: unknown): void {
  if (errorCode(error) !== 'EROFS') ignoreMissing(error);
}

function ignoreMissing(error: unknown): void {
  if (errorCode(error) !== 'ENOENT') throw error;
}
