import { describe, expect, it } from 'vitest'
import { atr, atrWarmup, createAtr } from './atr'
import { barsOf, randomBars } from './test-series'

const BARS = barsOf([2, 3, 5, 4], [1, 2, 3, 2], [1.5, 2.5, 4, 3])

describe('atr', () => {
  it('matches a hand-computed ATR(2)', () => {
    // TR: bar 0 ignored, 1.5, 2.5, 2 -> ATR[2] = 2, ATR[3] = 2 + (2 - 1.5) / 2
    expect(Array.from(atr(BARS, 2))).toEqual([NaN, NaN, 2, 2.25])
    expect(atrWarmup(2)).toBe(2)
  })

  it("MT5 ATR is a simple average of true range, not Wilder's smoothing", () => {
    expect(atr(BARS, 2)[3]).not.toBe((2 * 1 + 2) / 2) // Wilder / TradingView would give 2
  })

  it('uses the previous close when it lies outside the bar (gaps)', () => {
    // bar 1 gaps up: TR = max(12, 5) - min(11, 5) = 7
    expect(atr(barsOf([6, 12], [4, 11], [5, 11.5]), 1)[1]).toBe(7)
  })

  it('skips a bar with any input NaN: the next true range uses the last complete close', () => {
    // ATR(1): bar 2's TR = max(3, 1.5) - min(2, 1.5) = 1.5 (bar 1 skipped); bar 4's = 5 - 2.5
    const bars = barsOf([2, NaN, 3, 2.5, 5], [1, 1, 2, 2, 4.5], [1.5, 2, 2.5, NaN, 4.8])
    const expected = [NaN, NaN, 1.5, 1.5, 2.5]
    expect(Array.from(atr(bars, 1))).toEqual(expected)
    const s = createAtr(1)
    const streamed = expected.map((_, i) => s.update(bars.high[i]!, bars.low[i]!, bars.close[i]!))
    expect(streamed).toEqual(expected)
  })

  it('is never negative and streams the same values', () => {
    const bars = randomBars(31, 300)
    const out = atr(bars, 14)
    const s = createAtr(14)
    for (let i = 0; i < 300; i++) {
      expect(Object.is(s.update(bars.high[i]!, bars.low[i]!, bars.close[i]!), out[i])).toBe(true)
      if (i >= 14) expect(out[i]).toBeGreaterThanOrEqual(0)
    }
  })
})
