import { describe, expect, it } from 'vitest'
import { APPLIED_PRICES, appliedPrice, appliedPriceSeries } from './applied-price'
import { randomBars } from './test-series'

describe('appliedPrice', () => {
  it('computes each MT5 applied price', () => {
    const [o, h, l, c] = [1, 4, 0, 2]
    expect(APPLIED_PRICES.map((k) => appliedPrice(k, o, h, l, c))).toEqual([2, 1, 4, 0, 2, 2, 2])
    expect(appliedPrice('typical', 0, 3, 1, 2)).toBe(2)
    expect(appliedPrice('weighted', 0, 4, 2, 1)).toBe(2)
    expect(appliedPrice('median', 0, 3, 2, 0)).toBe(2.5)
  })

  it('series matches the per-bar helper exactly and shares OHLC columns', () => {
    const bars = randomBars(3, 50)
    for (const k of APPLIED_PRICES) {
      const s = appliedPriceSeries(bars, k)
      for (let i = 0; i < bars.length; i++) {
        expect(s[i]).toBe(
          appliedPrice(k, bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!),
        )
      }
    }
    expect(appliedPriceSeries(bars, 'close')).toBe(bars.close)
  })

  it('names an unknown kind', () => {
    expect(() => appliedPrice('hl2' as never, 1, 1, 1, 1)).toThrow(/unknown kind "hl2"/)
  })
})
