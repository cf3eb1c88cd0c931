import { describe, expect, it } from 'vitest'
import { drawdownSeries, drawdownStats } from './drawdown'

const f = (xs: number[]): Float64Array => Float64Array.from(xs)

describe('drawdown', () => {
  // peak 100 -> 120 (bar 1), falls to 90 (bar 3), recovers at 125 (bar 5), falls to 110 at the end.
  const equity = f([100, 120, 100, 90, 110, 125, 110])
  const time = f([0, 10, 20, 30, 40, 50, 60])

  it('measures the series from the running peak, starting at the initial cash', () => {
    expect([...drawdownSeries(equity, 100)]).toEqual([0, 0, 20, 30, 10, 0, 15])
    expect([...drawdownSeries(f([95, 97]), 100)]).toEqual([5, 3])
  })

  it('computes max, average and longest drawdown by hand', () => {
    const s = drawdownStats(equity, time, 100)
    expect(s.maxDrawdown).toBe(30)
    expect(s.maxDrawdownPct).toBeCloseTo(25, 12) // 30 / 120
    // episodes: 30 (25 %) and 15 (12 %): averages 22.5 and 18.5 %
    expect(s.averageDrawdown).toBe(22.5)
    expect(s.averageDrawdownPct).toBeCloseTo(18.5, 12)
    // first episode from the peak at bar 1 to the recovery at bar 5: 4 bars, 40 s
    expect(s.longestDrawdownBars).toBe(4)
    expect(s.longestDrawdownSeconds).toBe(40)
  })

  it('takes the largest percentage even when it is not the largest money fall', () => {
    // 100 -> 50 is 50 % (50 money); later 1000 -> 900 is 10 % (100 money)
    const s = drawdownStats(f([50, 1000, 900]), f([0, 1, 2]), 100)
    expect(s.maxDrawdown).toBe(100)
    expect(s.maxDrawdownPct).toBe(50)
  })

  it('writes the same series as drawdownSeries when given one, in the same pass', () => {
    for (const curve of [equity, f([95, 97]), f([100, NaN, 90, 130, 120]), f([])]) {
      const series = new Float64Array(curve.length).fill(-1)
      const s = drawdownStats(curve, f(Array.from(curve, (_, i) => i)), 100, series)
      expect([...series]).toEqual([...drawdownSeries(curve, 100)])
      expect(s).toEqual(drawdownStats(curve, f(Array.from(curve, (_, i) => i)), 100))
    }
  })

  it('is zero on a curve that never falls', () => {
    const s = drawdownStats(f([100, 101, 101, 105]), f([0, 1, 2, 3]), 100)
    expect(s).toEqual({
      maxDrawdown: 0,
      maxDrawdownPct: 0,
      averageDrawdown: 0,
      averageDrawdownPct: 0,
      longestDrawdownBars: 0,
      longestDrawdownSeconds: 0,
    })
  })
})
