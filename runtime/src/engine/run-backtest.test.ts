import { describe, expect, it } from 'vitest'
import { flatRows, hourlyBars, MONDAY, scripted } from '../../test/helpers'
import type { Row } from '../../test/helpers'
import { drawdownSeries } from '../stats/drawdown'
import { runBacktest } from './run-backtest'
import type { BarContext } from './strategy'

// EURUSD: point 0.00001, 1 USD per point per lot; default 0.1 lot -> 0.10 USD per point.
const ROWS: Row[] = [
  [1.1, 1.101, 1.099, 1.1005, 10],
  [1.1006, 1.1012, 1.1001, 1.101, 12],
  [1.1015, 1.103, 1.101, 1.103, 10],
  [1.1031, 1.104, 1.103, 1.1035, 10],
  [1.1035, 1.1035, 1.1035, 1.1035, 10],
]

describe('runBacktest fills (decide on close, fill at the next open)', () => {
  it('buys at the next open plus the bar spread and sells at the bid', () => {
    const bars = hourlyBars(ROWS)
    const r = runBacktest(bars, scripted({ 0: (c) => c.enterLong(), 2: (c) => c.exitLong() }))
    expect(r.trades).toHaveLength(1)
    const t = r.trades[0]!
    expect(t).toMatchObject({
      side: 'long',
      volume: 0.1,
      entryIndex: 1,
      entryTime: MONDAY + 3600,
      entryPrice: 1.10072, // 1.10060 + 12 points
      exitIndex: 3,
      exitTime: MONDAY + 3 * 3600,
      exitPrice: 1.1031,
      profit: 23.8, // 238 points · 0.1 USD
      exitReason: 'signal',
      barsHeld: 2,
    })
    // bar closes: flat, +28 points, +228 points, closed (+238), flat
    expect([...r.equity]).toEqual([10000, 10002.8, 10022.8, 10023.8, 10023.8])
    expect(r.stats.netProfit).toBe(23.8)
    expect(r.stats.tradeCount).toBe(1)
    expect(r.stopReason).toBe('end-of-data')
  })

  it('sells short at the bid and covers at the ask', () => {
    const bars = hourlyBars(ROWS)
    const r = runBacktest(bars, scripted({ 0: (c) => c.enterShort(), 2: (c) => c.exitShort() }))
    const t = r.trades[0]!
    expect([t.side, t.entryPrice, t.exitPrice, t.profit]).toEqual(['short', 1.1006, 1.1032, -26])
  })

  it('uses the last positive spread when a bar has none, else the typical spread', () => {
    const strategy = scripted({ 0: (c) => c.enterLong(), 1: (c) => c.exitLong() })
    const noSpread = ROWS.map((r) => [r[0], r[1], r[2], r[3], 0] as const)
    expect(runBacktest(hourlyBars(noSpread), strategy).trades[0]!.entryPrice).toBe(1.1007)
    const lastKnown = noSpread.map((r, i) => (i === 0 ? ([...r.slice(0, 4), 15] as const) : r))
    expect(runBacktest(hourlyBars(lastKnown as Row[]), strategy).trades[0]!.entryPrice).toBe(
      1.10075,
    )
    const fixed = runBacktest(hourlyBars(ROWS), strategy, { spread: 3 })
    expect(fixed.trades[0]!.entryPrice).toBe(1.10063)
  })

  it('costs exactly the spread for a round trip on a flat market', () => {
    const r = runBacktest(
      hourlyBars(flatRows(4, 1.2, 17)),
      scripted({ 0: (c) => c.enterLong(), 1: (c) => c.exitLong() }),
      { lots: 1 },
    )
    expect(r.trades[0]!.profit).toBe(-17) // 17 points · 1 USD · 1 lot
    expect(r.stats.finalEquity).toBe(9983)
  })

  it('applies slippage against the trader on market orders', () => {
    const r = runBacktest(
      hourlyBars(ROWS),
      scripted({ 0: (c) => c.enterLong(), 2: (c) => c.exitLong() }),
      { slippage: 2 },
    )
    expect([r.trades[0]!.entryPrice, r.trades[0]!.exitPrice]).toEqual([1.10074, 1.10308])
  })
})

describe('runBacktest netting', () => {
  it('reverses a long into a short with one signal', () => {
    const seen: number[] = []
    const strategy = scripted({
      0: (c) => c.enterLong(),
      2: (c) => c.enterShort(),
      3: (c) => seen.push(c.positionVolume),
    })
    const r = runBacktest(hourlyBars(ROWS), strategy)
    expect(seen).toEqual([-0.1])
    expect(
      r.trades.map((t) => [t.side, t.entryPrice, t.exitPrice, t.exitReason, t.profit]),
    ).toEqual([
      ['long', 1.10072, 1.1031, 'reverse', 23.8],
      // short from the bid 1.1031, closed at the end at the ask 1.1035 + 10 points
      ['short', 1.1031, 1.1036, 'end-of-data', -5],
    ])
  })

  it("only closes on an opposite signal with oppositeSignal 'close'", () => {
    const strategy = scripted({ 0: (c) => c.enterLong(), 2: (c) => c.enterShort() })
    const r = runBacktest(hourlyBars(ROWS), strategy, { oppositeSignal: 'close' })
    expect(r.trades.map((t) => [t.side, t.exitReason])).toEqual([['long', 'signal']])
  })

  it('ignores a second entry in the same direction', () => {
    const strategy = scripted({ 0: (c) => c.enterLong(), 1: (c) => c.enterLong() })
    const r = runBacktest(hourlyBars(ROWS), strategy)
    expect(r.trades).toHaveLength(1)
    expect(r.trades[0]!.volume).toBe(0.1)
    expect(r.refusedOrders).toEqual([])
  })
})

describe('runBacktest end of the run', () => {
  it('closes open positions at the last close (long at the bid)', () => {
    const r = runBacktest(hourlyBars(ROWS), scripted({ 0: (c) => c.enterLong() }))
    const t = r.trades[0]!
    expect([t.exitIndex, t.exitPrice, t.exitReason, t.barsHeld, t.profit]).toEqual([
      4,
      1.1035,
      'end-of-data',
      4,
      27.8,
    ])
    expect(r.openPositions).toEqual([])
  })

  it('keeps them open with closeAtEnd: false and marks them to market', () => {
    const r = runBacktest(hourlyBars(ROWS), scripted({ 0: (c) => c.enterLong() }), {
      closeAtEnd: false,
    })
    expect(r.trades).toEqual([])
    expect(r.openPositions).toMatchObject([
      { side: 'long', entryPrice: 1.10072, floatingProfit: 27.8 },
    ])
    expect(r.equity[4]).toBeCloseTo(10027.8, 9)
    expect(r.stats.netProfit).toBe(0) // closed trades only, as MT5 reports it
    expect(r.stats.exposurePct).toBe(80) // bars 1-4 closed with the position open
  })

  it('stops when equity reaches zero and closes everything at that close', () => {
    const rows: Row[] = [
      [1.1, 1.1, 1.1, 1.1, 10],
      [1.1, 1.1, 1.099, 1.099, 10],
      [1.2, 1.2, 1.2, 1.2, 10],
    ]
    const r = runBacktest(hourlyBars(rows), scripted({ 0: (c) => c.enterLong() }), {
      initialCash: 1000,
      lots: 10,
    })
    // entry 1.10010, close 1.09900: −110 points · 10 USD = −1100 -> equity −100
    expect(r.stopReason).toBe('equity-depleted')
    expect(r.lastIndex).toBe(1)
    expect(r.trades[0]).toMatchObject({
      exitReason: 'equity-depleted',
      exitPrice: 1.099,
      profit: -1100,
    })
    expect([...r.equity]).toEqual([1000, -100, -100])
  })

  it('returns the drawdown of the equity curve, also after an equity stop', () => {
    const rows: Row[] = [...ROWS, [1.1, 1.1, 1.05, 1.05, 10], [1.2, 1.2, 1.2, 1.2, 10]]
    const strategy = scripted({ 0: (c) => c.enterLong(), 2: (c) => c.enterShort() })
    const normal = runBacktest(hourlyBars(ROWS), strategy)
    expect([...normal.drawdown]).toEqual([...drawdownSeries(normal.equity, 10_000)])
    const stopped = runBacktest(hourlyBars(rows), scripted({ 3: (c) => c.enterLong() }), {
      initialCash: 1000,
      lots: 2,
    })
    expect(stopped.stopReason).toBe('equity-depleted')
    expect(stopped.lastIndex).toBe(5)
    expect([...stopped.drawdown]).toEqual([...drawdownSeries(stopped.equity, 1000)])
  })

  it('refuses orders it cannot fill: during warm-up and on the last bar', () => {
    const strategy = scripted({ 0: (c) => c.enterLong({ tag: 'n1' }), 4: (c) => c.exitLong() }, 2)
    const r = runBacktest(hourlyBars(ROWS), strategy)
    expect(r.refusedOrders).toEqual([
      {
        barIndex: 0,
        time: MONDAY,
        action: 'enterLong',
        reason: 'placed during warm-up (first 2 bars)',
        tag: 'n1',
      },
      {
        barIndex: 4,
        time: MONDAY + 4 * 3600,
        action: 'exitLong',
        reason: 'placed on the last bar: there is no next bar to fill it at',
      },
    ])
  })
})

describe('runBacktest context and series', () => {
  it('shows the strategy each closed bar through one reused context', () => {
    const seen: [number, number, boolean][] = []
    let first: BarContext | undefined
    const strategy = {
      warmupBars: 2,
      onBar(ctx: BarContext) {
        first ??= ctx
        expect(ctx).toBe(first)
        seen.push([ctx.index, ctx.close, ctx.isWarmingUp])
      },
    }
    runBacktest(hourlyBars(ROWS.slice(0, 3)), strategy)
    expect(seen).toEqual([
      [0, 1.1005, true],
      [1, 1.101, true],
      [2, 1.103, false],
    ])
  })

  it('records series only when asked', () => {
    const strategy = scripted({ 1: (c) => c.record('fast', 2), 2: (c) => c.record('fast', 4) })
    const on = runBacktest(hourlyBars(ROWS.slice(0, 3)), strategy, { recordSeries: true })
    expect(Object.keys(on.series)).toEqual(['fast'])
    expect([...on.series.fast!]).toEqual([NaN, 2, 4])
    expect(runBacktest(hourlyBars(ROWS.slice(0, 3)), strategy).series).toEqual({})
  })

  it('reports progress about 100 times, ending at the last simulated bar', () => {
    const seen: number[] = []
    const bars = hourlyBars(flatRows(250, 1.1))
    runBacktest(bars, scripted({}), { onProgress: (i) => seen.push(i) })
    // ceil(250 / 100) = 3: after bars 2, 5, …, 248, then the last bar (249).
    expect(seen.length).toBe(84)
    expect(seen.slice(0, 3)).toEqual([2, 5, 8])
    expect(seen.at(-2)).toBe(248)
    expect(seen.at(-1)).toBe(249)
    expect(seen.every((v, k) => k === 0 || v > seen[k - 1]!)).toBe(true)

    const short: number[] = []
    runBacktest(hourlyBars(ROWS.slice(0, 3)), scripted({}), { onProgress: (i) => short.push(i) })
    expect(short).toEqual([0, 1, 2])
  })

  it('rejects bad config and bars before running', () => {
    const bars = hourlyBars(ROWS)
    const s = scripted({})
    expect(() => runBacktest(bars, s, { initialCash: -1 })).toThrow(
      'config.initialCash must be a positive number',
    )
    expect(() => runBacktest(bars, s, { symbol: 'NOPE' })).toThrow('Unknown symbol "NOPE"')
    expect(() => runBacktest(bars, s, { oppositeSignal: 'hedge' })).toThrow(
      "needs accountMode 'hedging'",
    )
    expect(() => runBacktest(hourlyBars([]), s)).toThrow('at least one bar')
    expect(() => runBacktest(bars, { warmupBars: -1, onBar() {} })).toThrow('warmupBars')
  })
})
