import { createBars } from '../bars'
import { Broker } from '../broker/broker'
import { EngineContext } from '../engine/bar-context'
import { resolveConfig } from '../engine/config'
import { toOpenPosition } from '../broker/position'
import { normalizePrice } from '../symbols/symbol-spec'
import { DealRecorder } from './deal-recorder'
import { checkLiveBar } from './check-live-bar'
import type {
  LiveBar,
  LiveDeal,
  LivePosition,
  LiveSession,
  LiveSessionOptions,
  LiveSnapshot,
  LiveStep,
} from './types'

const HALTED_BEFORE_FILL = 'the deployment was halted before the order filled'
const CLOSED_ALL_BEFORE_FILL = 'all positions were closed (close-all) before the order filled'

/**
 * A strategy running one closed bar at a time on the same broker and bar context as
 * `runBacktest`, for a paper terminal: pushing bars 0..n−1 of a data set gives the trades a
 * backtest of those bars gives (with `closeAtEnd: false`). On top: halt/resume (new entries
 * blocked, exits and stops on), close-all between bars, MT5-shaped deals with tickets, and a
 * snapshot for heartbeats. Bars live in a fixed-capacity store, as the broker reads them by index.
 *
 * @example
 * const session = createLiveSession({ symbol: getSymbol('EURUSD'), strategy, capacity: 10_000 })
 * const step = session.pushBar({ time, open, high, low, close, tickVolume: 0, spread: 0 })
 * step.deals // fills at this bar's open, stops inside it
 */
export function createLiveSession(options: LiveSessionOptions): LiveSession {
  const { strategy, capacity } = options
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`capacity must be an integer >= 1, got ${String(capacity)}`)
  }
  const ticketBase = options.ticketBase ?? 0
  if (!Number.isSafeInteger(ticketBase) || ticketBase < 0) {
    throw new RangeError(`ticketBase must be a safe integer >= 0, got ${String(ticketBase)}`)
  }
  const warmup = strategy.warmupBars
  if (!Number.isInteger(warmup) || warmup < 0) {
    throw new RangeError(`strategy.warmupBars must be an integer >= 0, got ${String(warmup)}`)
  }
  if (typeof strategy.onBar !== 'function') throw new TypeError('strategy.onBar must be a function')
  const cfg = resolveConfig({ ...options.config, symbol: options.symbol })
  const spec = cfg.symbol

  const bars = createBars(capacity)
  const broker = new Broker(bars, cfg, warmup)
  const ctx = new EngineContext(bars, broker, warmup, null)
  const equity = new Float64Array(capacity)
  const recorder = new DealRecorder(spec, cfg.accountMode, ticketBase, (i) => bars.time[i]!)
  broker.onDeal = (deal) => recorder.record(deal)
  let count = 0
  let halted = false
  let depleted = false

  const last = () => count - 1

  return {
    pushBar(bar: LiveBar): LiveStep {
      if (count >= capacity) {
        throw new RangeError(`the live session is full: it holds ${capacity} bars (capacity)`)
      }
      checkLiveBar(bar, count === 0 ? null : bars.time[count - 1]!)
      const i = count
      bars.time[i] = bar.time
      bars.open[i] = bar.open
      bars.high[i] = bar.high
      bars.low[i] = bar.low
      bars.close[i] = bar.close
      bars.tickVolume[i] = bar.tickVolume
      bars.spread[i] = bar.spread
      count++
      const refusedBefore = broker.refused.length
      const blockedBefore = broker.blockedEntries
      // The order of runBacktest's loop body, step for step.
      recorder.context = 'market'
      broker.openBar(i)
      ctx.moveTo(i)
      strategy.onBar(ctx)
      broker.markToMarket(i, equity)
      if (equity[i]! <= 0 && !depleted) {
        // What ends a backtest ends the session's trading: stop-out at this close, halted for good.
        depleted = true
        halted = true
        broker.entriesBlocked = true
        broker.finish(i, true, equity)
      }
      return {
        index: i,
        deals: recorder.take(),
        refused: broker.refused.slice(refusedBefore),
        blockedEntries: broker.blockedEntries - blockedBefore,
        equity: equity[i]!,
        balance: broker.balance,
        depleted,
      }
    },

    halt() {
      halted = true
      broker.entriesBlocked = true
      broker.dropQueuedEntries(HALTED_BEFORE_FILL)
    },

    resume() {
      if (depleted) return
      halted = false
      broker.entriesBlocked = false
    },

    closeAll(bid?: number, timeMsc?: number): LiveDeal[] {
      if (count === 0) return []
      const i = last()
      const price = bid ?? bars.close[i]!
      if (!Number.isFinite(price) || price <= 0) {
        throw new RangeError(`closeAll: bid must be a positive price, got ${String(bid)}`)
      }
      broker.dropQueuedEntries(CLOSED_ALL_BEFORE_FILL)
      recorder.context = 'close-all'
      recorder.timeMsc = timeMsc ?? null
      try {
        broker.closeAllAt(i, price, 'signal')
      } finally {
        recorder.context = 'market'
        recorder.timeMsc = null
      }
      // Equity "now": flat, so the balance.
      broker.markToMarket(i, equity)
      return recorder.take()
    },

    snapshot(): LiveSnapshot {
      const positions: LivePosition[] = []
      if (count > 0) {
        const i = last()
        const bid = bars.close[i]!
        const ask = normalizePrice(bid + broker.currentSpreadPoints * spec.point, spec)
        for (const p of broker.positions) {
          const open = toOpenPosition(p, bid, ask, spec)
          positions.push({
            ticket: recorder.positionTicket(open.id),
            type: open.side === 'long' ? 'buy' : 'sell',
            volume: open.volume,
            priceOpen: open.entryPrice,
            sl: open.stopLoss ?? 0,
            tp: open.takeProfit ?? 0,
            profit: open.floatingProfit,
            swap: 0,
            timeMsc: open.entryTime * 1000,
          })
        }
      }
      return {
        balance: broker.balance,
        equity: count === 0 ? broker.balance : equity[last()]!,
        positions,
        halted,
        depleted,
        lastBarTime: count === 0 ? 0 : bars.time[last()]!,
        bars: count,
        capacity,
      }
    },

    get halted() {
      return halted
    },
    get trades() {
      return broker.trades
    },
    get refusedOrders() {
      return broker.refused
    },
  }
}
