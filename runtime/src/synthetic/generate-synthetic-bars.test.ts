import { describe, expect, it } from 'vitest'
import { generateSyntheticBars, generateSyntheticMarket } from './generate-synthetic-bars'
import { createPrng } from './prng'

describe('generateSyntheticBars', () => {
  const market = generateSyntheticMarket({ seed: 7, count: 3000 })
  const { bars } = market

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateSyntheticBars({ seed: 7, count: 3000 })
    expect(again.close).toEqual(bars.close)
    expect(again.time).toEqual(bars.time)
    const other = generateSyntheticBars({ seed: 8, count: 3000 })
    expect(other.close).not.toEqual(bars.close)
  })

  it('keeps OHLC consistent, positive and rounded to digits', () => {
    for (let i = 0; i < bars.length; i++) {
      const [o, h, l, c] = [bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!]
      expect(h).toBeGreaterThanOrEqual(Math.max(o, c))
      expect(l).toBeLessThanOrEqual(Math.min(o, c))
      expect(l).toBeGreaterThan(0)
      expect(Math.round(c * 1e5) / 1e5).toBe(c)
      expect(bars.tickVolume[i]).toBeGreaterThan(0)
      expect(bars.spread[i]).toBeGreaterThanOrEqual(8)
    }
  })

  it('skips weekends like forex and keeps time increasing', () => {
    for (let i = 0; i < bars.length; i++) {
      const weekday = new Date(bars.time[i]! * 1000).getUTCDay()
      expect(weekday === 0 || weekday === 6).toBe(false)
      if (i > 0) expect(bars.time[i]! - bars.time[i - 1]!).toBeGreaterThanOrEqual(3600)
    }
    expect(bars.time[0]).toBe(1_704_067_200)
  })

  it('contains every regime kind, and the trends move the way they say', () => {
    const kinds = new Set(market.regimes.map((r) => r.kind))
    expect([...kinds].sort()).toEqual(['range', 'trend-down', 'trend-up', 'volatile'])
    const mean = (kind: string, f: (i: number) => number): number => {
      let sum = 0
      let n = 0
      for (const r of market.regimes.filter((x) => x.kind === kind)) {
        for (let i = r.startIndex; i < r.endIndex; i++, n++) sum += f(i)
      }
      return sum / n
    }
    const ret = (i: number): number => Math.log(bars.close[i]! / bars.open[i]!)
    const range = (i: number): number => (bars.high[i]! - bars.low[i]!) / bars.open[i]!
    expect(mean('trend-up', ret)).toBeGreaterThan(0)
    expect(mean('trend-down', ret)).toBeLessThan(0)
    expect(mean('volatile', range)).toBeGreaterThan(1.8 * mean('range', range))
    // stretches tile the bars without gaps
    expect(market.regimes[0]!.startIndex).toBe(0)
    expect(market.regimes.at(-1)!.endIndex).toBe(3000)
  })

  it('honours timeframe, start price and digits', () => {
    const d1 = generateSyntheticBars({
      seed: 1,
      count: 10,
      timeframeSeconds: 86_400,
      startPrice: 4500,
      digits: 2,
    })
    expect(d1.open[0]).toBe(4500)
    expect(d1.time[5]! - d1.time[4]!).toBe(3 * 86_400) // Friday -> Monday
  })

  it('rejects bad options by name', () => {
    expect(() => generateSyntheticBars({ seed: 1.5, count: 1 })).toThrow('seed must be an integer')
    expect(() => generateSyntheticBars({ seed: 1, count: -1 })).toThrow('count must be')
  })
})

describe('createPrng', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = createPrng(123)
    const b = createPrng(123)
    for (let i = 0; i < 100; i++) {
      const x = a.next()
      expect(x).toBe(b.next())
      expect(x >= 0 && x < 1).toBe(true)
    }
  })

  it('draws normals with mean near 0 and variance near 1', () => {
    const rng = createPrng(5)
    const xs = Array.from({ length: 4000 }, () => rng.normal())
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length
    expect(Math.abs(mean)).toBeLessThan(0.06)
    expect(Math.abs(variance - 1)).toBeLessThan(0.08)
  })
})
