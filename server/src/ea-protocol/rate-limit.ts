/**
 * A token bucket per key (a deployment id), in memory: `capacity` requests at once, refilled at
 * `refillPerSecond`. Protocol §4 allows 120 requests per rolling minute; a bucket of 30 refilled
 * at 2 per second gives that rate and lets an EA drain its outbox in a burst. One server process
 * keeps its own buckets, which is enough to stop a runaway EA; they are not shared between
 * processes.
 */
export interface RateLimiter {
  /** Takes one token for `key` at `now`: 0 when allowed, else the whole seconds to wait. */
  take(key: string, now: number): number
}

export interface RateLimiterOptions {
  readonly capacity: number
  readonly refillPerSecond: number
  /** Buckets idle (full) longer than this are dropped, so the map does not grow forever. */
  readonly idleMs?: number
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { capacity, refillPerSecond } = options
  const idleMs = options.idleMs ?? 10 * 60_000
  const buckets = new Map<string, { tokens: number; at: number }>()
  let lastSweep = 0

  function sweep(now: number) {
    if (now - lastSweep < idleMs) return
    lastSweep = now
    for (const [key, bucket] of buckets) if (now - bucket.at > idleMs) buckets.delete(key)
  }

  return {
    take(key, now) {
      sweep(now)
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now }
      const elapsed = Math.max(0, now - bucket.at) / 1000
      bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond)
      bucket.at = now
      buckets.set(key, bucket)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return 0
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond))
    },
  }
}
