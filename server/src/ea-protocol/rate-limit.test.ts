import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limit'

describe('token bucket', () => {
  it('allows a burst of its capacity, then one request per refill', () => {
    const limiter = createRateLimiter({ capacity: 30, refillPerSecond: 2 })
    for (let i = 0; i < 30; i++) expect(limiter.take('a', 1_000)).toBe(0)
    expect(limiter.take('a', 1_000)).toBe(1)
    // Half a second refills one token.
    expect(limiter.take('a', 1_500)).toBe(0)
    expect(limiter.take('a', 1_500)).toBe(1)
    // Keys do not share a bucket.
    expect(limiter.take('b', 1_500)).toBe(0)
  })

  it('refills 2 a second after the burst of 30', () => {
    const limiter = createRateLimiter({ capacity: 30, refillPerSecond: 2 })
    let allowed = 0
    for (let t = 0; t < 60_000; t += 100) if (limiter.take('a', t) === 0) allowed++
    // 30 at once plus 2 a second over 59.9 s.
    expect(allowed).toBe(30 + 119)
  })

  it('says how long to wait when the bucket is far from a token', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.1 })
    expect(limiter.take('a', 0)).toBe(0)
    expect(limiter.take('a', 0)).toBe(10)
    expect(limiter.take('a', 5_000)).toBe(5)
  })

  it('forgets idle buckets without changing answers', () => {
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, idleMs: 1_000 })
    limiter.take('a', 0)
    limiter.take('a', 0)
    expect(limiter.take('a', 0)).toBe(1)
    expect(limiter.take('b', 5_000)).toBe(0)
    expect(limiter.take('a', 5_000)).toBe(0)
  })
})
