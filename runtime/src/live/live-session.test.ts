/**
 * The live session against runBacktest on a real data set from ../shared/data (beside the
 * repository, never copied into it; skipped with the reason in the name when missing), plus the
 * live-only behaviour: halt, resume, close-all, deal tickets, snapshots.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { flatRows, hourlyBars, scripted } from '../../test/helpers'
import type { Bars } from '../bars'
import { importBars } from '../data/import-bars'
import type { BacktestConfig } from '../engine/config'
import { runBacktest } from '../engine/run-backtest'
import type { BarContext, Strategy } from '../engine/strategy'
import { createAtr } from '../indicators/atr'
import { createSma } from '../indicators/sma'
import { getSymbol } from '../symbols/catalogue'
import { liveBarAt } from './live-bar-at'
import { createLiveSession } from './live-session'
import type { LiveDeal, LiveSession } from './types'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const dataFile = path.resolve(repo, '../shared/data/EURUSD_H1_mt5_small.csv')
const present = existsSync(dataFile)
const EURUSD = getSymbol('EURUSD')

/**
 * An SMA cross that uses every broker feature a compiled strategy can: ATR stops and targets,
 * trailing stops, break-even, risk sizing, explicit exits and reversals.
 */
function smaCross(): Strategy {
  const fast = createSma(10)
  const slow = createSma(30)
  const atr = createAtr(14)
  let prevDiff = NaN
  return {
    warmupBars: 30,
    onBar(ctx: BarContext) {
      const f = fast.update(ctx.close)
      const s = slow.update(ctx.close)
      const a = atr.update(ctx.high, ctx.low, ctx.close)
      const diff = f - s
      const crossedUp = prevDiff <= 0 && diff > 0
      const crossedDown = prevDiff >= 0 && diff < 0
      prevDiff = diff
      if (ctx.isWarmingUp || !Number.isFinite(a)) return
      if (crossedUp) {
        ctx.enterLong({
          tag: 'up',
          stopLoss: { kind: 'atr', multiple: 2, atr: a },
          takeProfit: { kind: 'atr', multiple: 4, atr: a },
          breakEven: { trigger: { kind: 'atr', multiple: 1, atr: a } },
          sizing: { kind: 'risk-percent', percent: 1 },
        })
      } else if (crossedDown) {
        ctx.enterShort({
          tag: 'down',
          trailingStop: { distance: { kind: 'atr', multiple: 2.5, atr: a } },
        })
      } else if (ctx.positionVolume > 0 && ctx.close < s - a) {
        ctx.exitLong({ tag: 'weak' })
      }
    },
  }
}

function feedAll(session: LiveSession, bars: Bars): { deals: LiveDeal[]; equity: number[] } {
  const deals: LiveDeal[] = []
  const equity: number[] = []
  for (let i = 0; i < bars.length; i++) {
    const step = session.pushBar(liveBarAt(bars, i))
    deals.push(...step.deals)
    equity.push(step.equity)
  }
  return { deals, equity }
}

describe.skipIf(!present)(
  present
    ? 'live session vs runBacktest on EURUSD_H1_mt5_small.csv'
    : `live session parity (SKIPPED: ${dataFile} not found)`,
  () => {
    const bars = present ? importBars(readFileSync(dataFile, 'utf8')).bars! : (null as never)
    const configs: [string, Partial<BacktestConfig>][] = [
      [
        'netting with reversal, commission and slippage',
        {
          accountMode: 'netting',
          commission: { kind: 'per-lot', amount: 7 },
          slippage: 2,
        },
      ],
      ['hedging', { accountMode: 'hedging', oppositeSignal: 'hedge', pyramiding: 2 }],
    ]

    it.each(configs)('%s: the same trades, equity and refusals bar by bar', (_, config) => {
      const expected = runBacktest(bars, smaCross(), {
        ...config,
        symbol: EURUSD,
        closeAtEnd: false,
      })
      const session = createLiveSession({
        symbol: EURUSD,
        config,
        strategy: smaCross(),
        capacity: bars.length,
      })
      const { deals, equity } = feedAll(session, bars)

      expect(expected.trades.length).toBeGreaterThan(20)
      expect(session.trades).toEqual(expected.trades)
      expect(session.refusedOrders).toEqual(expected.refusedOrders)
      expect(equity).toEqual(Array.from(expected.equity))
      const snapshot = session.snapshot()
      expect(snapshot.positions.map((p) => [p.type, p.volume, p.priceOpen, p.profit])).toEqual(
        expected.openPositions.map((p) => [
          p.side === 'long' ? 'buy' : 'sell',
          p.volume,
          p.entryPrice,
          p.floatingProfit,
        ]),
      )

      // The deals account for every cent of the balance, and tickets only ever increase.
      const realized = deals.reduce((sum, d) => sum + d.profit + d.commission, 0)
      expect(snapshot.balance).toBeCloseTo(10_000 + realized, 6)
      const closing = deals.filter((d) => d.entry !== 'in')
      expect(closing).toHaveLength(expected.trades.length)
      for (let k = 1; k < deals.length; k++)
        expect(deals[k]!.deal).toBeGreaterThan(deals[k - 1]!.deal)
      const byReason = new Set(closing.map((d) => d.reason))
      expect(byReason).toContain('sl')
      expect(byReason).toContain('expert')
    })

    it('netting: a reversal is one inout deal of both volumes, and the position keeps its ticket', () => {
      const session = createLiveSession({
        symbol: EURUSD,
        config: { accountMode: 'netting', slippage: 2 },
        strategy: smaCross(),
        capacity: bars.length,
      })
      const { deals } = feedAll(session, bars)
      const inout = deals.filter((d) => d.entry === 'inout')
      expect(inout.length).toBeGreaterThan(0)
      for (const d of inout) {
        const opened = deals.find((o) => o.position === d.position && o.entry === 'in')!
        expect(d.volume).toBeGreaterThan(opened.volume)
        expect(d.requestedPrice).toBe(
          d.type === 'buy'
            ? Math.round((d.price - 2e-5) * 1e5) / 1e5
            : Math.round((d.price + 2e-5) * 1e5) / 1e5,
        )
      }
    })
  },
)

const rows = flatRows(6, 1.1, 10)

describe('live session control', () => {
  it('halt refuses new and queued entries while exits and stops go on; resume lifts it', () => {
    const session = createLiveSession({
      symbol: EURUSD,
      strategy: scripted({
        0: (c) => c.enterLong({ stopLoss: { kind: 'points', points: 500 } }),
        2: (c) => c.enterShort(),
        3: (c) => c.enterShort(),
      }),
      capacity: 10,
    })
    const bars = hourlyBars([...rows.slice(0, 3), [1.1, 1.1, 1.09, 1.095, 10], ...rows.slice(0, 2)])
    expect(session.pushBar(liveBarAt(bars, 0)).deals).toEqual([])
    const opened = session.pushBar(liveBarAt(bars, 1)).deals
    expect(opened).toMatchObject([
      {
        deal: 1,
        order: 1,
        position: 1,
        type: 'buy',
        entry: 'in',
        reason: 'expert',
        volume: 0.1,
        price: 1.1001,
      },
    ])
    session.pushBar(liveBarAt(bars, 2)) // decides a short (a netting reversal) on this close
    session.halt()
    expect(session.refusedOrders.at(-1)?.reason).toBe(
      'the deployment was halted before the order filled',
    )
    const stopped = session.pushBar(liveBarAt(bars, 3)) // low 1.09 reaches the stop at 1.0951
    expect(stopped.deals).toMatchObject([
      { deal: 2, position: 1, type: 'sell', entry: 'out', reason: 'sl', requestedPrice: null },
    ])
    expect(stopped.blockedEntries).toBe(1) // the short decided on bar 3
    expect(session.snapshot()).toMatchObject({ halted: true, positions: [] })
    session.resume()
    expect(session.halted).toBe(false)
  })

  it('closeAll closes at the last close without slippage, stamped as asked, and refuses queued entries', () => {
    const session = createLiveSession({
      symbol: EURUSD,
      config: { slippage: 3 },
      strategy: scripted({ 0: (c) => c.enterShort(), 1: (c) => c.enterShort() }),
      capacity: 4,
      ticketBase: 1_000,
    })
    const bars = hourlyBars(rows)
    session.pushBar(liveBarAt(bars, 0))
    const entry = session.pushBar(liveBarAt(bars, 1)).deals
    expect(entry).toMatchObject([
      { deal: 1001, position: 1001, type: 'sell', price: 1.09997, requestedPrice: 1.1 },
    ])
    const snapshot = session.snapshot()
    expect(snapshot.positions).toEqual([
      {
        ticket: 1001,
        type: 'sell',
        volume: 0.1,
        priceOpen: 1.09997,
        sl: 0,
        tp: 0,
        profit: -1.3,
        swap: 0,
        timeMsc: bars.time[1]! * 1000,
      },
    ])
    expect(snapshot.equity).toBe(9_998.7)
    const closed = session.closeAll(undefined, 42_000)
    expect(closed).toEqual([
      expect.objectContaining({
        deal: 1002,
        order: 1002,
        position: 1001,
        type: 'buy',
        entry: 'out',
        reason: 'expert',
        price: 1.1001,
        requestedPrice: 1.1001,
        profit: -1.3,
        timeMsc: 42_000,
      }),
    ])
    expect(session.refusedOrders.at(-1)?.reason).toMatch(/close-all/)
    expect(session.snapshot()).toMatchObject({ positions: [], balance: 9_998.7, equity: 9_998.7 })
    expect(session.closeAll()).toEqual([])
  })

  it('refuses bad bars, a full store and bad options, naming what is wrong', () => {
    const session = createLiveSession({ symbol: EURUSD, strategy: scripted({}), capacity: 1 })
    const bars = hourlyBars(rows)
    expect(() => session.pushBar({ ...liveBarAt(bars, 0), high: 1.0 })).toThrow(
      /high 1 and low 1.1 must enclose/,
    )
    expect(() => session.pushBar({ ...liveBarAt(bars, 0), close: Number.NaN })).toThrow(
      'bar.close must be a finite number',
    )
    session.pushBar(liveBarAt(bars, 0))
    expect(() => session.pushBar(liveBarAt(bars, 1))).toThrow('it holds 1 bars (capacity)')
    expect(() =>
      createLiveSession({ symbol: EURUSD, strategy: scripted({}), capacity: 0 }),
    ).toThrow('capacity must be')
    const two = createLiveSession({ symbol: EURUSD, strategy: scripted({}), capacity: 2 })
    two.pushBar(liveBarAt(bars, 1))
    expect(() => two.pushBar(liveBarAt(bars, 0))).toThrow("must be after the previous bar's time")
  })
})
