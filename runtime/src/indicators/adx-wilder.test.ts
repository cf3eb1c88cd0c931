import { describe, expect, it } from 'vitest'
import { adxWilder, adxWilderWarmup, createAdxWilder } from './adx-wilder'
import { barsOf, randomBars } from './test-series'

describe('adxWilder', () => {
  it('MT5 ADX Wilder seeds its smoothing with 0, not with the first n-bar average', () => {
    const a = adxWilder(barsOf([10, 11, 12], [8, 9, 9.5], [9, 10, 11]), 2)
    expect([a.adx[1], a.plusDi[1]]).toEqual([NaN, NaN])
    // bar 2: ATR = (0 + 2.5) / 2, +DMs = (0 + 1) / 2 -> +DI 40, -DI 0, DX 100, ADX = (0 + 100) / 2
    expect(a.plusDi[2]).toBe(40)
    expect(a.minusDi[2]).toBe(0)
    expect(a.adx[2]).toBe(50)
    expect(adxWilderWarmup(2)).toBe(2)
  })

  it('keeps lines within [0, 100] and streams the same values', () => {
    const bars = randomBars(61, 300)
    const a = adxWilder(bars, 14)
    const s = createAdxWilder(14)
    for (let i = 0; i < 300; i++) {
      s.update(bars.high[i]!, bars.low[i]!, bars.close[i]!)
      expect(Object.is(s.adx, a.adx[i])).toBe(true)
      expect(Object.is(s.minusDi, a.minusDi[i])).toBe(true)
      if (i >= 14) {
        expect(a.adx[i]).toBeGreaterThanOrEqual(0)
        expect(a.adx[i]).toBeLessThanOrEqual(100)
      }
    }
  })
})
