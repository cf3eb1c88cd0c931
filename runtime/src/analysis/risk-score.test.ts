import { describe, expect, it } from 'vitest'
import { hourlyBars, scripted } from '../../test/helpers'
import { runBacktest } from '../engine/run-backtest'
import { riskInputsFromResult, riskScore } from './risk-score'
import type { RiskInputs } from './risk-score'

const MIDDLE: RiskInputs = {
  maxDrawdownPct: 25,
  annualVolatilityPct: 25,
  winRatePct: 40,
  tradeCount: 25,
  riskPerTradePct: 2.5,
  leverage: 5,
}

describe('riskScore', () => {
  it('follows the documented formula', () => {
    // every component at 50 (sizing = max(2.5/5, 5/20) = 50): score 50
    expect(riskScore(MIDDLE)).toEqual({
      score: 50,
      components: { drawdown: 50, volatility: 50, winRate: 50, sampleSize: 50, sizing: 50 },
    })
    const best = riskScore({
      maxDrawdownPct: 0,
      annualVolatilityPct: 0,
      winRatePct: 70,
      tradeCount: 400,
      riskPerTradePct: 0,
      leverage: 0,
    })
    expect(best.score).toBe(0)
    const worst = riskScore({
      maxDrawdownPct: 90,
      annualVolatilityPct: 200,
      winRatePct: 5,
      tradeCount: 0,
      riskPerTradePct: 10,
      leverage: 50,
    })
    expect(worst.score).toBe(100)
  })

  it('gets worse when each input worsens', () => {
    const base = riskScore(MIDDLE).score
    const worse: Partial<RiskInputs>[] = [
      { maxDrawdownPct: 35 },
      { annualVolatilityPct: 40 },
      { winRatePct: 30 },
      { tradeCount: 9 },
      { riskPerTradePct: 4 },
      { leverage: 15 },
    ]
    for (const change of worse) {
      expect(riskScore({ ...MIDDLE, ...change }).score, JSON.stringify(change)).toBeGreaterThan(
        base,
      )
    }
    const better: Partial<RiskInputs>[] = [
      { maxDrawdownPct: 10 },
      { winRatePct: 55 },
      { tradeCount: 64 },
    ]
    for (const change of better) {
      expect(riskScore({ ...MIDDLE, ...change }).score).toBeLessThan(base)
    }
  })

  it('treats unknown inputs honestly', () => {
    const noTrades = riskScore({
      ...MIDDLE,
      winRatePct: NaN,
      tradeCount: 0,
      riskPerTradePct: NaN,
      leverage: NaN,
    })
    expect(noTrades.components).toMatchObject({ winRate: 100, sampleSize: 100, sizing: 0 })
  })
})

describe('riskInputsFromResult', () => {
  it('measures risk per trade and leverage at entry', () => {
    const rows = [
      [1.1, 1.1, 1.1, 1.1, 10],
      [1.1, 1.1003, 1.0995, 1.1, 10],
      [1.1, 1.1, 1.1, 1.1, 10],
    ] as const
    const r = runBacktest(
      hourlyBars(rows.map((x) => [...x] as [number, number, number, number, number])),
      scripted({
        0: (c) =>
          c.enterLong({
            stopLoss: { kind: 'points', points: 50 },
            sizing: { kind: 'risk-percent', percent: 1 },
          }),
      }),
    )
    const inputs = riskInputsFromResult(r)
    // 2 lots risking 100 USD of 10 000; 2 lots at 1.1001 are worth 220 020 USD: leverage 22.002
    expect(inputs.riskPerTradePct).toBeCloseTo(1, 12)
    expect(inputs.leverage).toBeCloseTo(22.002, 9)
    expect(inputs.tradeCount).toBe(1)
    expect(riskScore(inputs).components.sizing).toBe(100)
  })
})
