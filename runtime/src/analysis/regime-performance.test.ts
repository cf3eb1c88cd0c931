import { describe, expect, it } from 'vitest'
import { hourlyBars, scripted } from '../../test/helpers'
import type { Row } from '../../test/helpers'
import { runBacktest } from '../engine/run-backtest'
import { regimePerformance } from './regime-performance'

describe('regimePerformance', () => {
  it('attributes equity changes to bars and trades to their entry bar', () => {
    const rows: Row[] = [
      [1.1, 1.101, 1.099, 1.1005, 10],
      [1.1006, 1.1012, 1.1001, 1.101, 12],
      [1.1015, 1.103, 1.101, 1.103, 10],
      [1.1031, 1.104, 1.103, 1.1035, 10],
      [1.1035, 1.1035, 1.1035, 1.1035, 10],
    ]
    const result = runBacktest(
      hourlyBars(rows),
      scripted({ 0: (c) => c.enterLong(), 2: (c) => c.exitLong() }),
    )
    // equity 10000, 10002.8, 10022.8, 10023.8, 10023.8; the trade enters on bar 1 and makes 23.8
    const rowsOut = regimePerformance(result, Uint8Array.from([0, 1, 1, 3, 3]))
    expect(
      rowsOut.map((r) => [
        r.regime,
        r.bars,
        r.barsPct,
        r.equityChange,
        r.trades,
        r.wins,
        r.netProfit,
      ]),
    ).toEqual([
      ['unclassified', 1, 20, 0, 0, 0, 0],
      ['bull', 2, 40, 22.8, 1, 1, 23.8],
      ['sideways', 2, 40, 1, 0, 0, 0],
    ])
    expect(rowsOut[1]!.returnPct).toBeCloseTo(0.228, 10)
    expect(rowsOut[1]!.winRatePct).toBe(100)
    expect(rowsOut[0]!.winRatePct).toBeNaN()
  })
})
