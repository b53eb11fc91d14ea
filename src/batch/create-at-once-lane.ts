import PQueue from 'p-queue';

// A call's time before any is measured: a brief from a reasoning model takes about a minute.
export const ASSUMED_CALL_MS = 60_000;

export interface AtOnceLane {
  /** Runs a direct call when a slot is free. */
  send<T>(call: () => Promise<T>): Promise<T>;
  /** The median time of the direct calls made so far, or the assumed time before the first. */
  callMs(): number;
}

/** The calls a batch run sends at once (follow-ups by the setting, a deadline's fallback), a few side by side, each one timed. */
export function createAtOnceLane(concurrency: number, now: () => number): AtOnceLane {
  const queue = new PQueue({ concurrency });
  const durations: number[] = [];
  return {
    async send<T>(call: () => Promise<T>): Promise<T> {
      return queue.add(async () => {
        const startedAt = now();
        try {
          return await call();
        } finally {
          durations.push(now() - startedAt);
        }
      }) as Promise<T>;
    },
    callMs() {
      if (durations.length === 0) return ASSUMED_CALL_MS;
      const sorted = [...durations].sort((left, right) => left - right);
      return sorted[Math.floor(sorted.length / 2)]!;
    },
  };
}
