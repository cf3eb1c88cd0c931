import { describe, expect, it } from 'vitest'
import { flatRows, hourlyBars, scripted } from '../../test/helpers'
import type { Row } from '../../test/helpers'
import { runBacktest } from '../engine/run-backtest'
import type { OrderIntent } from '../engine/strategy'
import { SYMBOLS } from '../symbols/catalogue'
import { defineSymbol } from '../symbols/symbol-spec'

// All cases: EURUSD, spread 10 points, 0.1 lot (0.10 USD per point) unless said otherwise.
// Bar 0 is flat at 1.1; an entry decided there fills at bar 1's open: long 1.10010, short 1.10000.
const FLAT: Row = [1.1, 1.1, 1.1, 1.1, 10]
const points = (n: number) => ({ kind: 'points', points: n }) as const

function long(rows: Row[], intent: OrderIntent, config = {}) {
  return runBacktest(hourlyBars(rows), scripted({ 0: (c) => c.enterLong(intent) }), config)
}

describe('stop loss and take profit', () => {
  it('hits a stop inside the entry bar at the level', () => {
    const r = long([FLAT, [1.1, 1.1003, 1.0995, 1.1, 10], FLAT], { stopLoss: points(50) })
    expect(r.trades[0]).toMatchObject({
      entryPrice: 1.1001,
      initialStopLoss: 1.0996,
      exitIndex: 1,
      exitPrice: 1.0996,
      exitReason: 'stop-loss',
      profit: -5,
      initialRisk: 5,
      rMultiple: -1,
      barsHeld: 0,
    })
  })

  it('fills at the open when the market gaps through the stop', () => {
    const rows: Row[] = [FLAT, [1.1, 1.1002, 1.0998, 1.1, 10], [1.099, 1.0995, 1.0985, 1.099, 10]]
    const t = long(rows, { stopLoss: points(50) }).trades[0]!
    expect([t.exitIndex, t.exitPrice, t.profit]).toEqual([2, 1.099, -11])
  })

  it('takes profit at the level, or at a better gapped open', () => {
    const hit = long([FLAT, [1.1, 1.1015, 1.0999, 1.1005, 10], FLAT], { takeProfit: points(100) })
    expect(hit.trades[0]).toMatchObject({
      exitPrice: 1.1011,
      exitReason: 'take-profit',
      profit: 10,
    })
    const rows: Row[] = [FLAT, [1.1, 1.1005, 1.0999, 1.1, 10], [1.102, 1.1025, 1.1015, 1.102, 10]]
    const gap = long(rows, { takeProfit: points(100) })
    expect(gap.trades[0]).toMatchObject({ exitPrice: 1.102, profit: 19 })
  })

  it('counts the stop when one bar reaches both, and flags the trade', () => {
    const r = long([FLAT, [1.1, 1.1015, 1.0995, 1.1, 10], FLAT], {
      stopLoss: points(50),
      takeProfit: points(100),
    })
    expect(r.trades[0]).toMatchObject({
      exitPrice: 1.0996,
      exitReason: 'stop-loss',
      ambiguousExit: true,
    })
  })

  it("triggers a short's stop on the Ask even when the Bid never reaches it", () => {
    // short at 1.10000, stop 15 points above: 1.10015; bid high 1.10006 + spread = ask 1.10016
    const rows: Row[] = [FLAT, [1.1, 1.10006, 1.099, 1.0995, 10], FLAT]
    const r = runBacktest(
      hourlyBars(rows),
      scripted({ 0: (c) => c.enterShort({ stopLoss: points(15) }) }),
    )
    expect(r.trades[0]).toMatchObject({ entryPrice: 1.1, exitPrice: 1.10015, profit: -1.5 })
  })

  it('slips stop fills but not take profits', () => {
    // entry 1.10012 (2 points slippage), stop 1.09962 fills 2 points worse at 1.09960
    const r = long(
      [FLAT, [1.1, 1.1003, 1.0995, 1.1, 10], FLAT],
      { stopLoss: points(50) },
      { slippage: 2 },
    )
    expect(r.trades[0]).toMatchObject({ entryPrice: 1.10012, exitPrice: 1.0996, profit: -5.2 })
    const tp = long(
      [FLAT, [1.1, 1.1015, 1.0999, 1.1, 10], FLAT],
      { takeProfit: points(100) },
      { slippage: 2 },
    )
    expect(tp.trades[0]).toMatchObject({ exitPrice: 1.10112, profit: 10 })
  })

  it('supports absolute prices, pips, percent and ATR distances', () => {
    const rows: Row[] = [FLAT, [1.1, 1.1003, 1.0995, 1.1, 10], FLAT]
    expect(long(rows, { stopLoss: { kind: 'price', price: 1.0996 } }).trades[0]!.exitPrice).toBe(
      1.0996,
    )
    expect(long(rows, { stopLoss: { kind: 'pips', pips: 5 } }).trades[0]!.exitPrice).toBe(1.0996)
    const pct = long(rows, { stopLoss: { kind: 'percent', percent: 0.04 } }) // 0.00044 -> 1.09966
    expect(pct.trades[0]!.initialStopLoss).toBe(1.09966)
    const atr = long(rows, { stopLoss: { kind: 'atr', multiple: 2, atr: 0.00025 } })
    expect(atr.trades[0]!.initialStopLoss).toBe(1.0996)
    const calls: number[] = []
    const viaConfig = long(
      rows,
      { stopLoss: { kind: 'atr', multiple: 2 } },
      {
        atr: (i: number) => (calls.push(i), 0.00025),
      },
    )
    expect([viaConfig.trades[0]!.initialStopLoss, calls]).toEqual([1.0996, [0]])
  })
})

describe('trailing stop and break-even (updated at each bar open)', () => {
  const rows: Row[] = [
    FLAT,
    [1.1, 1.1008, 1.0999, 1.1006, 10],
    [1.101, 1.1012, 1.1005, 1.1008, 10],
    FLAT,
  ]

  it('trails from the entry bar and exits as a trailing stop', () => {
    // bar 1 open bid 1.1000 -> stop 1.0998 (low 1.0999: no hit); bar 2 open 1.1010 -> 1.1008, low 1.1005 hits
    const t = long(rows, { trailingStop: { distance: points(20) } }).trades[0]!
    // 70 points of profit at 0.10 USD
    expect([t.exitIndex, t.exitPrice, t.exitReason, t.profit]).toEqual([
      2,
      1.1008,
      'trailing-stop',
      7,
    ])
  })

  it('waits for the activation profit', () => {
    const on = long(rows, { trailingStop: { distance: points(20), activation: points(5) } })
    expect(on.trades[0]!.exitPrice).toBe(1.1008) // 90 points of profit at bar 2's open >= 5
    const off = long(rows, { trailingStop: { distance: points(20), activation: points(100) } })
    expect(off.trades[0]!.exitReason).toBe('end-of-data')
  })

  it('never moves the stop backwards', () => {
    const back: Row[] = [
      FLAT,
      [1.1, 1.1, 1.1, 1.1, 10],
      [1.101, 1.101, 1.1009, 1.101, 10],
      [1.1004, 1.1005, 1.1003, 1.1004, 10],
      FLAT,
    ]
    // stop 1.0998, then 1.1008; bar 3 gaps below it to 1.1004: fills at the open, not a lower trail
    const t = long(back, { trailingStop: { distance: points(20) } }).trades[0]!
    expect([t.exitIndex, t.exitPrice]).toEqual([3, 1.1004])
  })

  it('moves the stop to entry plus offset once the trigger is reached', () => {
    // bar 2 opens 110 points in profit (>= 100): the stop moves to 1.10010 + 1 point; low 1.10010 hits it
    const be: Row[] = [
      FLAT,
      [1.1, 1.1005, 1.0999, 1.1004, 10],
      [1.1012, 1.1015, 1.1001, 1.101, 10],
      FLAT,
    ]
    const t = long(be, { breakEven: { trigger: points(100), offset: points(1) } }).trades[0]!
    expect([t.exitIndex, t.exitPrice, t.exitReason, t.profit]).toEqual([
      2,
      1.10011,
      'break-even',
      0.1,
    ])
  })
})

describe('sizing and refusals', () => {
  const stopped: Row[] = [FLAT, [1.1, 1.1003, 1.0995, 1.1, 10], FLAT]

  it('risks a percentage of equity to the stop', () => {
    // 1 % of 10 000 = 100 USD; 50 points at 1 USD per lot -> 2 lots; the stop loses exactly 100
    const t = long(stopped, { stopLoss: points(50), sizing: { kind: 'risk-percent', percent: 1 } })
      .trades[0]!
    expect([t.volume, t.profit, t.rMultiple]).toEqual([2, -100, -1])
  })

  it('sizes a percentage of equity from the config', () => {
    // 50 % of 10 000 / (1.1001 / 0.00001 · 1 USD) = 0.04545 -> 0.04 lots
    const r = long(stopped, {}, { sizing: { kind: 'percent-equity', percent: 50 } })
    expect(r.trades[0]!.volume).toBe(0.04)
  })

  it('explains every refused entry', () => {
    const reasons = (intent: OrderIntent, config = {}) =>
      long(flatRows(3, 1.1), intent, config).refusedOrders.map((o) => [
        o.barIndex,
        o.action,
        o.reason,
      ])
    expect(reasons({}, { lots: 0.001 })).toEqual([
      [
        0,
        'enterLong',
        'fixed sizing gives 0.001 lots, which rounds down to 0, below the minimum volume 0.01 of EURUSD',
      ],
    ])
    expect(reasons({ sizing: { kind: 'risk-percent', percent: 1 } })[0]![2]).toBe(
      'risk-percent sizing needs a stop loss on the order',
    )
    expect(reasons({ stopLoss: { kind: 'atr', multiple: 2 } })[0]![2]).toMatch(
      /^stop loss: an ATR distance needs a positive ATR/,
    )
    expect(reasons({ stopLoss: { kind: 'price', price: 1.2 } })[0]![2]).toBe(
      'stop loss 1.2 is not below the Bid 1.1',
    )
    const strict = defineSymbol({ ...SYMBOLS.EURUSD!, name: 'EURUSD.x', stopsLevel: 30 })
    expect(reasons({ stopLoss: points(20) }, { symbol: strict })[0]![2]).toBe(
      'stop loss 1.0999 is closer than the stops level (30 points) to the Bid 1.1',
    )
    expect(long(flatRows(3, 1.1), {}, { lots: 0.001 }).trades).toEqual([])
  })
})

describe('commission', () => {
  const rows = flatRows(4, 1.1)
  const flip = scripted({ 0: (c) => c.enterLong(), 1: (c) => c.enterShort() })

  it('charges per lot per side on entry and exit', () => {
    const r = runBacktest(
      hourlyBars(rows),
      scripted({ 0: (c) => c.enterLong(), 1: (c) => c.exitLong() }),
      {
        commission: { kind: 'per-lot', amount: 7 },
      },
    )
    // spread 1.00 + 0.70 + 0.70
    expect(r.trades[0]).toMatchObject({ grossProfit: -1, commission: 1.4, profit: -2.4 })
    expect(r.stats.finalEquity).toBe(9997.6)
  })

  it('charges a netting reversal as one deal, split by volume', () => {
    const r = runBacktest(hourlyBars(rows), flip, { commission: { kind: 'per-deal', amount: 3 } })
    expect(r.trades.map((t) => [t.side, t.commission])).toEqual([
      ['long', 4.5],
      ['short', 4.5],
    ])
    expect(r.stats.totalCommission).toBe(9)
  })

  it('charges a hedging reversal as two deals', () => {
    const r = runBacktest(hourlyBars(rows), flip, {
      commission: { kind: 'per-deal', amount: 3 },
      accountMode: 'hedging',
      oppositeSignal: 'reverse',
    })
    expect(r.trades.map((t) => [t.side, t.exitReason, t.commission])).toEqual([
      ['long', 'reverse', 6],
      ['short', 'end-of-data', 6],
    ])
  })

  it('charges a percentage of the traded value', () => {
    const r = runBacktest(
      hourlyBars(rows),
      scripted({ 0: (c) => c.enterLong(), 1: (c) => c.exitLong() }),
      {
        commission: { kind: 'percent', percent: 0.01 },
      },
    )
    expect(r.trades[0]!.commission).toBe(2.2) // 1.10 on 11 001 USD + 1.10 on 11 000 USD
  })
})

describe('netting and hedging', () => {
  it('adds to a netting position up to the pyramiding limit at the average price', () => {
    const rows: Row[] = [
      FLAT,
      FLAT,
      [1.1011, 1.1011, 1.1011, 1.1011, 10],
      [1.102, 1.102, 1.102, 1.102, 10],
      FLAT,
    ]
    const strategy = scripted({
      0: (c) => c.enterLong(),
      1: (c) => c.enterLong(),
      2: (c) => c.exitLong(),
    })
    const r = runBacktest(hourlyBars(rows), strategy, { pyramiding: 2 })
    expect(r.trades).toHaveLength(1)
    // (1.1001 + 1.1012) / 2 = 1.10065; exit 1.1020: 13.5 points · 0.2 lot
    expect(r.trades[0]).toMatchObject({
      volume: 0.2,
      entryPrice: 1.10065,
      exitPrice: 1.102,
      profit: 27,
    })
  })

  it('keeps separate positions in hedging and closes them by ticket', () => {
    const seen: number[] = []
    const strategy = scripted({
      0: (c) => c.enterLong(),
      1: (c) => c.enterLong(),
      2: (c) => c.enterShort(),
      3: (c) => (seen.push(c.positionVolume), c.exitLong()),
    })
    const r = runBacktest(hourlyBars(flatRows(6, 1.1)), strategy, {
      accountMode: 'hedging',
      pyramiding: 2,
    })
    expect(seen).toEqual([0.1])
    expect(r.trades.map((t) => [t.id, t.side, t.exitIndex, t.exitReason, t.profit])).toEqual([
      [2, 'long', 4, 'signal', -1],
      [1, 'long', 4, 'signal', -1],
      [3, 'short', 5, 'end-of-data', -1],
    ])
    // bars 1-5 closed with a position open (the short until the last close): 5 of 6
    expect(r.stats.exposurePct).toBeCloseTo((5 / 6) * 100, 12)
  })
})

describe('other symbols: P&L through tick size and tick value', () => {
  const rows = (a: number, b: number): Row[] => [
    [a, a, a, a, 0],
    [a, a, a, a, 0],
    [b, b, b, b, 0],
  ]
  const roundTrip = scripted({ 0: (c) => c.enterLong(), 1: (c) => c.exitLong() })

  it('gold: 0.1 lot from 2000.00 to 2010.00 is 1000 ticks of 0.10 USD', () => {
    const r = runBacktest(hourlyBars(rows(2000, 2010)), roundTrip, { symbol: 'XAUUSD', spread: 0 })
    expect(r.trades[0]!.profit).toBe(100)
  })

  it('USDJPY: 1 lot, 50 pips at the 150.000 snapshot tick value', () => {
    const r = runBacktest(hourlyBars(rows(150, 150.5)), roundTrip, {
      symbol: 'USDJPY',
      spread: 0,
      lots: 1,
    })
    expect(r.trades[0]!.profit).toBe(333.33) // 500 ticks · 100/150 USD
  })

  it('shares: whole lots only, 10 AAPL from 190.00 to 191.25', () => {
    const r = runBacktest(hourlyBars(rows(190, 191.25)), roundTrip, {
      symbol: 'AAPL',
      spread: 0,
      lots: 10.7,
    })
    expect([r.trades[0]!.volume, r.trades[0]!.profit]).toEqual([10, 12.5])
  })
})
