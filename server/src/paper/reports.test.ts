import { getSymbol } from '@tradeloom/runtime'
import type { LiveDeal } from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import { dealReport, rejectedReport } from './reports'

const EURUSD = getSymbol('EURUSD')
const context = { symbol: EURUSD, magic: '7', timeMsc: 1_767_225_600_123, latencyMs: 0.41234 }
const deal: LiveDeal = {
  deal: 1_767_225_600_000_001,
  order: 1_767_225_600_000_001,
  position: 1_767_225_600_000_001,
  timeMsc: 0,
  type: 'sell',
  entry: 'in',
  reason: 'expert',
  volume: 0.1,
  price: 1.09998,
  requestedPrice: 1.1,
  profit: 0,
  commission: -0.35,
  swap: 0,
  spreadPoints: 12,
  barIndex: 3,
}

describe('trade reports', () => {
  it('renders tickets as decimal strings and slippage as points against the trader', () => {
    expect(dealReport(deal, context)).toEqual({
      kind: 'deal',
      deal: '1767225600000001',
      order: '1767225600000001',
      position: '1767225600000001',
      timeMsc: 1_767_225_600_123,
      symbol: 'EURUSD',
      magic: '7',
      type: 'sell',
      entry: 'in',
      reason: 'expert',
      volume: 0.1,
      price: 1.09998,
      requestedPrice: 1.1,
      slippagePoints: 2, // a sell filled 2 points lower
      spreadPoints: 12,
      latencyMs: 0.412,
      retcode: 10009,
      profit: 0,
      commission: -0.35,
      swap: 0,
      fee: 0,
      comment: 'tradeloom paper',
    })
    const better = dealReport(
      { ...deal, type: 'buy', price: 1.09999, requestedPrice: 1.1 },
      context,
    )
    expect(better.slippagePoints).toBe(-1) // a buy filled lower: in the trader's favour
  })

  it('leaves the request members null for a stop hit', () => {
    const stop = dealReport({ ...deal, entry: 'out', reason: 'sl', requestedPrice: null }, context)
    expect(stop).toMatchObject({
      requestedPrice: null,
      slippagePoints: null,
      latencyMs: null,
      retcode: null,
    })
  })

  it('reports a refused order as a rejected report with a unique key', () => {
    const report = rejectedReport(
      {
        barIndex: 4,
        time: 0,
        action: 'enterLong',
        reason: 'volume 0.001 is below the minimum 0.01',
      },
      { ...context, key: 'run1-1', volume: 0.001, spreadPoints: 10.4 },
    )
    expect(report).toMatchObject({
      kind: 'rejected',
      key: 'run1-1',
      type: 'buy',
      action: 'open',
      volume: 0.001,
      spreadPoints: 10,
      retcode: null,
      message: 'volume 0.001 is below the minimum 0.01',
    })
  })
})
