import { describe, expect, it } from 'vitest'
import { barsFromColumns } from '../bars'
import type { Bars } from '../bars'
import { generateSyntheticMarket } from '../synthetic/generate-synthetic-bars'
import { classifyRegimes, percentileOf, REGIMES } from './regimes'

/** Bars whose closes follow `closes`, each opening at the previous close, with ±0.5 wicks. */
function fromCloses(closes: number[]): Bars {
  const open = closes.map((c, i) => (i === 0 ? c : closes[i - 1]!))
  return barsFromColumns({
    time: closes.map((_, i) => i * 3600),
    open,
    high: closes.map((c, i) => Math.max(c, open[i]!) + 0.5),
    low: closes.map((c, i) => Math.min(c, open[i]!) - 0.5),
    close: closes,
  })
}

const names = (codes: Uint8Array): string[] => [...codes].map((c) => REGIMES[c]!)
const small = { trendPeriod: 5, slopeBars: 2, atrPeriod: 3 }

describe('classifyRegimes', () => {
  it('leaves the warm-up unclassified: SMA(5) from bar 4, its slope over 2 bars from bar 6', () => {
    const codes = names(
      classifyRegimes(fromCloses(Array.from({ length: 12 }, (_, i) => 100 + i)), small),
    )
    expect(codes.slice(0, 6)).toEqual(Array(6).fill('unclassified'))
    expect(codes[6]).not.toBe('unclassified')
  })

  it('calls a steady rise bull and a steady fall bear', () => {
    // steps of 1.5 with ±0.5 wicks: TR = 2.5, so ATR = 2.5; SMA rises 3 per 2 bars: 1.2 ATR > 1
    const up = names(
      classifyRegimes(fromCloses(Array.from({ length: 30 }, (_, i) => 100 + 1.5 * i)), {
        ...small,
        volatilityPercentile: 100,
      }),
    )
    // ATR/close is largest where the close is lowest: the first classified bar is the top percentile
    expect(up.slice(6)).toEqual(['high-volatility', ...Array(23).fill('bull')])
    const down = names(
      classifyRegimes(fromCloses(Array.from({ length: 30 }, (_, i) => 200 - 1.5 * i)), {
        ...small,
        volatilityPercentile: 100,
      }),
    )
    expect(down.slice(6)).toEqual([...Array(23).fill('bear'), 'high-volatility'])
  })

  it('calls a flat, wobbling market sideways', () => {
    const flat = Array.from({ length: 30 }, (_, i) => 100 + (i % 2))
    const codes = names(classifyRegimes(fromCloses(flat), { ...small, volatilityPercentile: 100 }))
    expect(codes.slice(6).filter((c) => c !== 'sideways' && c !== 'high-volatility')).toEqual([])
    // ATR/close is highest on the bars that close at 100: those are the top percentile
    expect(codes.filter((c) => c === 'sideways').length).toBe(12)
  })

  it('finds the synthetic generator’s regimes more often where they were drawn', () => {
    const { bars, regimes } = generateSyntheticMarket({ seed: 11, count: 4000 })
    const codes = classifyRegimes(bars)
    const share = (kind: string, regime: string): number => {
      let hit = 0
      let total = 0
      for (const r of regimes.filter((x) => x.kind === kind)) {
        for (let i = r.startIndex; i < r.endIndex; i++, total++)
          if (REGIMES[codes[i]!] === regime) hit++
      }
      return hit / total
    }
    expect(share('volatile', 'high-volatility')).toBeGreaterThan(
      2 * share('range', 'high-volatility'),
    )
    expect(share('trend-up', 'bull')).toBeGreaterThan(share('trend-up', 'bear'))
    expect(share('trend-down', 'bear')).toBeGreaterThan(share('trend-down', 'bull'))
  })

  it('rejects bad options', () => {
    expect(() => classifyRegimes(fromCloses([1, 2]), { slopeBars: 0 })).toThrow('slopeBars')
  })
})

describe('percentileOf', () => {
  it('uses the nearest rank', () => {
    const v = Float64Array.from([5, 1, 4, 2, 3])
    expect([percentileOf(v, 20), percentileOf(v, 80), percentileOf(v, 100)]).toEqual([1, 4, 5])
    expect(percentileOf(new Float64Array(0), 80)).toBe(Infinity)
  })
})
