import type { Bars } from '@tradeloom/runtime'

/** True when bar `i` counts as rising for the tick generator. */
function rising(bars: Bars, i: number): boolean {
  let flips = 0
  let k = i
  // A doji (close = open) takes the opposite direction of the bar before it (MT5 help, "Real
  // and Generated Ticks": "if the previous candlestick was rising, this one is considered
  // falling, and vice versa"); a run of dojis alternates. Before the first bar: falling.
  while (k >= 0 && bars.close[k] === bars.open[k]) {
    flips++
    k--
  }
  const base = k >= 0 && bars.close[k]! > bars.open[k]!
  return flips % 2 === 0 ? base : !base
}

/**
 * The Bid prices of bar `i`'s ticks after its open in the Strategy Tester's "Open prices only"
 * mode, where each bar of the tested timeframe is reduced to its OHLC control points
 * (mt5-semantics.md 6.1): a rising bar is assumed to dip first (open → low → high → close), a
 * falling one to rally first (open → high → low → close), as MT5's tick generator draws bull and
 * bear candles. The open tick is the one OnTick sees; these three are only used for stops.
 * [VERIFY] on a terminal: the order is documented for the generator's reference points, not
 * stated for the 4-tick case (mt5-semantics.md 6.4 step 6, 8 item 4).
 */
export function hiddenTicks(bars: Bars, i: number): readonly [number, number, number] {
  const high = bars.high[i]!
  const low = bars.low[i]!
  const close = bars.close[i]!
  return rising(bars, i) ? [low, high, close] : [high, low, close]
}
