import { describe, expect, it } from 'vitest'
import { trade } from '../../test/helpers'
import { tradeStats } from './trade-stats'

describe('tradeStats', () => {
  it('computes the trade statistics by hand', () => {
    const s = tradeStats([
      trade(10, { rMultiple: 2, barsHeld: 4, commission: 1 }),
      trade(-5, { rMultiple: -1, side: 'short', barsHeld: 2, commission: 1 }),
      trade(0),
      trade(20, { barsHeld: 3 }),
      trade(-10, { side: 'short', barsHeld: 0 }),
    ])
    expect(s).toEqual({
      netProfit: 15,
      grossProfit: 30,
      grossLoss: -15,
      profitFactor: 2,
      tradeCount: 5,
      winCount: 2,
      lossCount: 2,
      longCount: 3,
      shortCount: 2,
      winRatePct: 40,
      expectancy: 3,
      expectancyR: 0.5, // (2 − 1) / 2 trades with a stop
      averageWin: 15,
      averageLoss: -7.5,
      largestWin: 20,
      largestLoss: -10,
      totalCommission: 2,
      averageBarsInTrade: 2, // (4 + 2 + 1 + 3 + 0) / 5
    })
  })

  it('is NaN or Infinity where a statistic is undefined', () => {
    const none = tradeStats([])
    expect([
      none.tradeCount,
      none.netProfit,
      none.profitFactor,
      none.winRatePct,
      none.expectancyR,
    ]).toEqual([0, 0, NaN, NaN, NaN])
    expect(tradeStats([trade(5)]).profitFactor).toBe(Infinity)
  })
})
