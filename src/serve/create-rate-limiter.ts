export interface RateLimiter {
  /** Counts one request of `key`; false when it is over the limit within the window (it is not counted then). */
  take(key: string): boolean;
}

/**
 * A sliding window per key, in memory: at most `limit` requests of one key within `windowMs`. Keys whose requests
 * have all aged out are dropped as new ones come, and at most `maxKeys` are kept, so memory stays bounded under a flood.
 */
export function createRateLimiter({ limit, windowMs, now, maxKeys = 100_000 }: { limit: number; windowMs: number; now: () => Date; maxKeys?: number }): RateLimiter {
  const requests = new Map<string, number[]>();
  const prune = (at: number) => {
    for (const [key, times] of requests) if (times[times.length - 1]! <= at - windowMs) requests.delete(key);
  };
  return {
    take(key) {
      const at = now().getTime();
      const recent = (requests.get(key) ?? []).filter((time) => time > at - windowMs);
      if (recent.length >= limit) {
        requests.set(key, recent);
        return false;
      }
      if (!requests.has(key) && requests.size >= maxKeys) {
        prune(at);
        // Still full of live keys: the oldest goes, as a flood of new addresses must not grow the map without end.
        if (requests.size >= maxKeys) requests.delete(requests.keys().next().value!);
      }
      recent.push(at);
      requests.delete(key);
      requests.set(key, recent);
      return true;
    },
  };
}
