import type { Bars } from '../bars'
import type { LiveBar } from './types'

/**
 * Bar `i` of columnar bars as the one closed bar a live session takes (`pushBar`): how a replayed
 * data set or synthetic bars are fed bar by bar.
 */
export function liveBarAt(bars: Bars, i: number): LiveBar {
  return {
    time: bars.time[i]!,
    open: bars.open[i]!,
    high: bars.high[i]!,
    low: bars.low[i]!,
    close: bars.close[i]!,
    tickVolume: bars.tickVolume[i]!,
    spread: bars.spread[i]!,
  }
}
