import { describe, expect, it } from 'vitest'
import { createStochastic, stochastic, stochasticWarmup } from './stochastic'
import { barsOf, randomBars } from './test-series'

describe('stochastic', () => {
  it('matches a hand-computed Stochastic(K 2, D 2, slowing 2)', () => {
    const bars = barsOf([3, 4, 5, 4], [1, 2, 3, 2], [2, 3, 4, 3])
    const s = stochastic(bars, 2, 2, 2)
    // HH 4,5,5 / LL 1,2,2 from bar 1; close-LL 2,2,1; HH-LL 3,3,3
    expect(Array.from(s.main)).toEqual([NaN, NaN, (4 / 6) * 100, (3 / 6) * 100])
    expect(s.signal[2]).toBeNaN()
    expect(s.signal[3]).toBe(((4 / 6) * 100 + (3 / 6) * 100) / 2)
    expect(stochasticWarmup(2, 2, 2)).toBe(3)
  })

  it('MT5 stochastic slowing is a ratio of sums, not an average of %K', () => {
    // bar 0: (2 - 0) / (4 - 0) = 50 %, bar 1: (2 - 1) / (2 - 1) = 100 %
    const s = stochastic(barsOf([4, 2], [0, 1], [2, 2]), 1, 1, 2)
    expect(s.main[1]).toBe(60) // (2 + 1) / (4 + 1); TradingView's average would be 75
  })

  it('close/close uses the highest and lowest close', () => {
    const s = stochastic(barsOf([9, 9, 9], [0, 0, 0], [1, 3, 2]), 2, 1, 1, 'closeclose')
    expect(Array.from(s.main)).toEqual([NaN, 100, 0])
  })

  it('is 100 when the range is 0 over the slowing window', () => {
    const s = stochastic(barsOf([1, 1, 1], [1, 1, 1], [1, 1, 1]), 2, 1, 1)
    expect(s.main[2]).toBe(100)
  })

  it('stays within [0, 100] on random data and streams the same values', () => {
    const bars = randomBars(21, 300)
    const s = stochastic(bars, 5, 3, 3)
    const st = createStochastic(5, 3, 3)
    for (let i = 0; i < 300; i++) {
      st.update(bars.high[i]!, bars.low[i]!, bars.close[i]!)
      if (i >= 6) {
        expect(s.main[i]).toBeGreaterThanOrEqual(0)
        expect(s.main[i]).toBeLessThanOrEqual(100)
      }
    }
    expect(st.main).toBe(s.main[299])
    expect(st.signal).toBe(s.signal[299])
  })
})
