import { createBars, getSymbol } from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import type { ParityTrade } from './parity-trade'
import { testerFills } from './tester-fills'

const symbol = getSymbol('EURUSD')
const b = createBars(3)
// Bar 1 rises (ticks: open, low, high, close); bar 2 falls and opens with a gap down.
;[
  [1.1, 1.101, 1.099, 1.1005],
  [1.1005, 1.102, 1.0995, 1.1015],
  [1.098, 1.0985, 1.097, 1.0975],
].forEach(([o, h, l, c], i) => {
  b.open[i] = o!
  b.high[i] = h!
  b.low[i] = l!
  b.close[i] = c!
})
const spreads = Float64Array.from([10, 10, 10])

function trade(t: Partial<ParityTrade>): ParityTrade {
  return {
    side: 'long',
    volume: 0.1,
    entryBar: 0,
    entryPrice: 1.1001,
    exitBar: 1,
    exitPrice: 1.0998,
    exit: 'sl',
    profit: -3,
    initialStopLoss: 1.0998,
    takeProfit: null,
    ...t,
  }
}

const fill = (t: ParityTrade) => testerFills([t], b, symbol, spreads)[0]

describe('the runtime’s trades as the tester would fill them', () => {
  it('fills a stop at the tick that reached it: a long at the low, a short at the high’s Ask', () => {
    expect(fill(trade({}))).toMatchObject({ exit: 'sl', exitPrice: 1.0995, profit: -6 })
    const short = trade({ side: 'short', entryPrice: 1.1, exitPrice: 1.1018, profit: -18 })
    expect(fill(short)).toMatchObject({ exit: 'sl', exitPrice: 1.1021, profit: -21 })
  })

  it('lets the earlier tick decide a bar that reached both levels', () => {
    // Bar 1 rises: the low (stop) comes before the high (target).
    expect(fill(trade({ takeProfit: 1.1015 }))).toMatchObject({ exit: 'sl', exitPrice: 1.0995 })
    // A short in the same bar: the low reaches its target first.
    const short = trade({ side: 'short', entryPrice: 1.1, exitPrice: 1.1018, takeProfit: 1.0997 })
    expect(fill(short)).toMatchObject({ exit: 'tp', exitPrice: 1.0996, profit: 4 })
  })

  it('keeps gaps at the open, and turns an exit signal at a gapped stop into the stop', () => {
    const gapped = trade({ exitBar: 2, exitPrice: 1.098, initialStopLoss: 1.0985 })
    expect(fill(gapped)).toBe(gapped)
    expect(fill({ ...gapped, exit: 'expert' })).toMatchObject({ exit: 'sl', exitPrice: 1.098 })
    const notReached = { ...gapped, exit: 'expert' as const, initialStopLoss: 1.0975 }
    expect(fill(notReached)).toBe(notReached)
  })
})
