import { describe, expect, it } from 'vitest'
import {
  createDonchian,
  createHighest,
  donchian,
  donchianWarmup,
  highest,
  lowest,
} from './donchian'
import { randomBars, seededRandom } from './test-series'

describe('donchian / highest / lowest', () => {
  it('matches hand-computed windows including the current bar', () => {
    const p = new Float64Array([3, 1, 4, 1, 5, 9, 2])
    expect(Array.from(highest(p, 3))).toEqual([NaN, NaN, 4, 4, 5, 9, 9])
    expect(Array.from(lowest(p, 3))).toEqual([NaN, NaN, 1, 1, 1, 1, 2])
    expect(donchianWarmup(3)).toBe(2)
  })

  it('agrees with a brute-force window scan on random data, trends and ties', () => {
    const rnd = seededRandom(5)
    const noise = Float64Array.from({ length: 300 }, () => Math.round(rnd() * 20))
    const down = Float64Array.from({ length: 100 }, (_, i) => 100 - i)
    const up = Float64Array.from({ length: 100 }, (_, i) => i)
    const p = Float64Array.from([...noise, ...down, ...up])
    for (const n of [1, 2, 7, 30]) {
      const hi = highest(p, n)
      const lo = lowest(p, n)
      for (let i = n - 1; i < p.length; i++) {
        const w = Array.from(p.subarray(i - n + 1, i + 1))
        expect(hi[i]).toBe(Math.max(...w))
        expect(lo[i]).toBe(Math.min(...w))
      }
    }
  })

  it('channel has upper >= middle >= lower and streams the same values', () => {
    const bars = randomBars(81, 200)
    const d = donchian(bars, 20)
    const s = createDonchian(20)
    for (let i = 0; i < 200; i++) {
      expect(Object.is(s.update(bars.high[i]!, bars.low[i]!), d.middle[i])).toBe(true)
      if (i >= 19) {
        expect(d.upper[i]).toBeGreaterThanOrEqual(d.middle[i]!)
        expect(d.middle[i]).toBeGreaterThanOrEqual(d.lower[i]!)
      }
    }
    const h = createHighest(2)
    expect([1, 3, 2].map((x) => h.update(x))).toEqual([NaN, 3, 3])
  })
})
