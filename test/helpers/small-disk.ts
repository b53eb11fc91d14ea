import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real small file system (tmpfs) that a test can fill up, as a full disk is for a cron job. */
export interface SmallDisk {
  path: string;
  /** Writes a filler file until the disk is full (ENOSPC). */
  fill(): Promise<void>;
  /** Remounts the disk read-only. */
  makeReadOnly(): void;
  /** Removes the filler. */
  free(): Promise<void>;
  unmount(): void;
}

// Mounting needs root (as in CI and this project's containers); elsewhere the full-disk tests skip.
export const canMountTmpfs = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();
if (!canMountTmpfs) console.warn('full-disk tests skipped: mounting a tmpfs needs root');

export function mountSmallDisk(sizeBytes: number): SmallDisk {
  const path = mkdtempSync(join(tmpdir(), 'small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', path]);
  const filler = join(path, 'filler.bin');
  return {
    path,
    async fill() {
      const handle = await open(filler, 'a');
      const block = Buffer.alloc(4096);
      try {
        for (;;) await handle.write(block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        await handle.close();
      }
    },
    // As a failing disk does: the kernel remounts it read-only, and every later write is refused.
    makeReadOnly() {
      execFileSync('mount', ['-o', 'remount,ro', path]);
    },
    async free() {
      await rm(filler, { force: true });
    },
    unmount() {
      execFileSync('umount', ['-l', path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
