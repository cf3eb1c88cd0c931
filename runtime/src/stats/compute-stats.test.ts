import { describe, expect, it } from 'vitest'
import { barsFromColumns } from '../bars'
import { computeStats, exposedBars } from './compute-stats'
import { trade } from '../../test/helpers'

const YEAR = 365.25 * 86_400

describe('computeStats', () => {
  // Three bars a year apart: equity 100 -> 90 -> 121 (a 10 % drawdown, then +21 % over 2 years).
  const bars = barsFromColumns({
    time: [0, YEAR, 2 * YEAR],
    open: [50, 50, 60],
    high: [50, 50, 60],
    low: [50, 50, 60],
    close: [50, 55, 60],
  })
  const equity = Float64Array.from([100, 90, 121])
  const trades = [
    trade(-10, { entryIndex: 0, barsHeld: 1 }),
    trade(31, { entryIndex: 1, barsHeld: 1 }),
  ]
  const s = computeStats({ bars, trades, equity, initialCash: 100, lastIndex: 2 })

  it('computes returns, CAGR and Calmar by hand', () => {
    expect(s.finalEquity).toBe(121)
    expect(s.netProfit).toBe(21)
    expect(s.totalReturnPct).toBeCloseTo(21, 12)
    expect(s.cagrPct).toBeCloseTo(10, 10) // 1.21 = 1.1²
    expect(s.maxDrawdown).toBe(10)
    expect(s.maxDrawdownPct).toBeCloseTo(10, 12)
    expect(s.calmar).toBeCloseTo(1, 10)
    expect(s.buyAndHoldReturnPct).toBeCloseTo(20, 12) // 50 -> 60
    expect(s.longestDrawdownSeconds).toBe(2 * YEAR)
  })

  it('measures exposure as bars closed in a position', () => {
    expect(s.exposurePct).toBeCloseTo((2 / 3) * 100, 12)
    // overlapping hedged trades count once; open positions count to the end
    const overlapping = [
      trade(1, { entryIndex: 1, barsHeld: 3 }),
      trade(1, { entryIndex: 2, barsHeld: 3 }),
    ]
    expect(exposedBars(overlapping, [], 9)).toBe(4)
    expect(exposedBars([...overlapping].reverse(), [], 9)).toBe(4)
    const open = [
      {
        id: 1,
        side: 'long',
        volume: 1,
        entryIndex: 7,
        entryTime: 0,
        entryPrice: 1,
        stopLoss: null,
        takeProfit: null,
        floatingProfit: 0,
      },
    ] as const
    expect(exposedBars(overlapping, open, 9)).toBe(7)
  })

  it('has one monthly row per month with bars', () => {
    expect(s.monthlyReturns.map((m) => [m.year, m.month])).toEqual([
      [1970, 1],
      [1971, 1],
      [1972, 1],
    ])
  })

  it('only looks at bars up to lastIndex', () => {
    const cut = computeStats({ bars, trades: [], equity, initialCash: 100, lastIndex: 1 })
    expect([cut.finalEquity, cut.monthlyReturns.length]).toEqual([90, 2])
    expect(cut.totalReturnPct).toBeCloseTo(-10, 12)
  })
})
