import type { Bars, SymbolSpec } from '@tradeloom/runtime'
import { normalizePrice } from '@tradeloom/runtime'
import { dealProfit } from './mt5-sim/account'
import { hiddenTicks } from './mt5-sim/ticks'
import type { ParityTrade } from './parity-trade'

/**
 * The documented differences between the runtime and MT5's Strategy Tester in "Open prices
 * only" mode, applied to the runtime's trades: what the tester would report for the same
 * positions (ARCHITECTURE.md, "Parity by construction", known differences).
 *
 * 1. Fill prices inside a bar. The runtime fills a stop loss or take profit at its level and lets
 *    the stop loss win a bar that reached both. The tester only has the bar's OHLC ticks
 *    (./mt5-sim/ticks.ts) and fills at the first tick that reaches a level, at that tick's
 *    price: a long's stop at the bar's low, a short's at its high + spread, a target at the high
 *    (long) or low + spread (short); when both levels were reached, the earlier tick wins.
 * 2. The open. Both fill a level the bar gapped through at the opening price, but the tester
 *    checks levels on the open tick before OnTick runs, while the runtime first fills the orders
 *    decided on the previous close: an exit signal on a bar that gaps through the stop is the
 *    runtime's `signal` and the tester's stop loss, at the same price. Only the kind changes; it
 *    is detected here from the initial stop and the target (a trailed stop is not in the record).
 *
 * Bars, sides, entries and volumes do not change; exit price, kind and profit may. With equity
 * sizing the later volumes then drift too, which callers compare loosely.
 */
export function testerFills(
  trades: readonly ParityTrade[],
  bars: Bars,
  spec: SymbolSpec,
  spreads: Float64Array,
): ParityTrade[] {
  return trades.map((t) => {
    if (t.exit !== 'sl' && t.exit !== 'tp' && t.exit !== 'expert') return t
    const i = t.exitBar
    const side = t.side === 'long' ? 1 : -1
    const spread = spreads[i]! * spec.point
    const closing = (bid: number) => (side > 0 ? bid : normalizePrice(bid + spread, spec))
    const open = closing(bars.open[i]!)
    const stop = t.exit === 'sl' ? t.exitPrice : (t.initialStopLoss ?? NaN)
    const target = t.exit === 'tp' ? t.exitPrice : (t.takeProfit ?? NaN)
    const reached = (price: number) =>
      side * (price - stop) <= 0 ? 'sl' : side * (price - target) >= 0 ? 'tp' : null
    if (t.exitPrice === open) {
      // Gapped through (both fill at the open); an exit signal there is the tester's stop.
      const atOpen = t.exit === 'expert' && t.exitBar > t.entryBar ? reached(open) : null
      return atOpen ? { ...t, exit: atOpen } : t
    }
    if (t.exit === 'expert') return t
    // Without a gap the runtime filled at the level itself.
    for (const bid of hiddenTicks(bars, i)) {
      const price = closing(bid)
      const exit = reached(price)
      if (exit === null) continue
      return {
        ...t,
        exit,
        exitPrice: price,
        profit: dealProfit(side, t.entryPrice, price, t.volume, spec),
      }
    }
    throw new Error(`EA parity: no tick of bar ${i} reaches the ${t.exit} at ${t.exitPrice}`)
  })
}
