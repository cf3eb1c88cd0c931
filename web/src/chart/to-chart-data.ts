import type {
  CandlestickData,
  LineData,
  SeriesMarker,
  UTCTimestamp,
  WhitespaceData,
} from 'lightweight-charts'
import type { PreviewBars, PreviewResult } from '../preview/run-preview'

type OkPreview = Extract<PreviewResult, { ok: true }>

export interface ChartLine {
  key: string
  label: string
  /** 0 = the candle pane; each oscillator node gets a pane of its own below it. */
  pane: number
  color: string
  data: (LineData<UTCTimestamp> | WhitespaceData<UTCTimestamp>)[]
}

export const CHART_COLORS = {
  up: '#26a69a',
  down: '#ef5350',
  entry: '#339af0',
  replay: '#fcc419',
  equity: '#4dabf7',
  lines: ['#f0b429', '#b197fc', '#ff922b', '#63e6be', '#f783ac', '#74c0fc'],
} as const

/** One candle per bar. */
export function toCandles(bars: PreviewBars): CandlestickData<UTCTimestamp>[] {
  const candles: CandlestickData<UTCTimestamp>[] = new Array(bars.length)
  for (let i = 0; i < bars.length; i++) {
    candles[i] = {
      time: bars.time[i] as UTCTimestamp,
      open: bars.open[i]!,
      high: bars.high[i]!,
      low: bars.low[i]!,
      close: bars.close[i]!,
    }
  }
  return candles
}

/**
 * A number per bar as a line, for bars `from` to `to` (exclusive); NaN (warm-up, no value)
 * becomes whitespace, i.e. a gap.
 */
export function toLine(
  time: Float64Array,
  values: Float64Array,
  from = 0,
  to = time.length,
): (LineData<UTCTimestamp> | WhitespaceData<UTCTimestamp>)[] {
  const data: (LineData<UTCTimestamp> | WhitespaceData<UTCTimestamp>)[] = new Array(to - from)
  for (let i = from; i < to; i++) {
    const value = values[i]
    const t = time[i] as UTCTimestamp
    data[i - from] = value === undefined || Number.isNaN(value) ? { time: t } : { time: t, value }
  }
  return data
}

/** Up to this many bars, indicator lines are given every point. */
export const FULL_LINE_BARS = 20_000

/**
 * Which bars of the indicator lines to hand to the chart: all of them for ordinary sizes; on
 * long histories, the visible bars plus a wide margin on each side (the chart's data layer
 * costs time per point on every update, and a parameter edit must redraw fast). The chart
 * widens the window again as the user scrolls.
 */
export function lineWindow(
  visible: { from: number; to: number } | null,
  length: number,
): { from: number; to: number } {
  if (length <= FULL_LINE_BARS || visible === null) return { from: 0, to: length }
  const width = Math.max(1, visible.to - visible.from)
  const margin = Math.max(2000, width * 2)
  return {
    from: Math.max(0, Math.floor(visible.from - margin)),
    to: Math.min(length, Math.ceil(visible.to + margin)),
  }
}

/** A plot placed on the chart: which pane and colour, before its points are built. */
export interface PlotLine {
  key: string
  label: string
  /** 0 = the candle pane; each oscillator node gets a pane of its own below it. */
  pane: number
  color: string
}

/**
 * One line per compiled plot. Price-pane plots share the candles' pane; every oscillator node
 * gets its own pane (an RSI and a MACD have nothing in common but time), its outputs together.
 */
export function plotLines(result: OkPreview): PlotLine[] {
  const panes = new Map<string, number>()
  return result.plots.flatMap((plot, n): PlotLine[] => {
    if (!result.series[plot.key]) return []
    let pane = 0
    if (plot.pane === 'oscillator') {
      if (!panes.has(plot.nodeId)) panes.set(plot.nodeId, panes.size + 1)
      pane = panes.get(plot.nodeId)!
    }
    const color = CHART_COLORS.lines[n % CHART_COLORS.lines.length]!
    return [{ key: plot.key, label: plot.label, pane, color }]
  })
}

/** {@link plotLines} with their points, for callers that draw everything at once. */
export function toLines(result: OkPreview): ChartLine[] {
  return plotLines(result).map((line) => ({
    ...line,
    data: toLine(result.bars.time, result.series[line.key]!),
  }))
}

/**
 * Thins an equity curve to at most `points` for display: each bucket keeps its last equity and
 * its deepest drawdown, so the drawn curve never hides a drawdown. The statistics are computed
 * from the full curve; this is only what the small chart draws.
 */
export function thinCurve(
  time: Float64Array,
  equity: Float64Array,
  drawdown: Float64Array,
  points = 2000,
): { time: Float64Array; equity: Float64Array; drawdown: Float64Array } {
  if (time.length <= points) return { time, equity, drawdown }
  const size = Math.ceil(time.length / points)
  const n = Math.ceil(time.length / size)
  const out = {
    time: new Float64Array(n),
    equity: new Float64Array(n),
    drawdown: new Float64Array(n),
  }
  for (let b = 0; b < n; b++) {
    const end = Math.min(time.length, (b + 1) * size) - 1
    let deepest = 0
    for (let i = b * size; i <= end; i++) deepest = Math.max(deepest, drawdown[i]!)
    out.time[b] = time[end]!
    out.equity[b] = equity[end]!
    out.drawdown[b] = deepest
  }
  return out
}

/** An entry and an exit marker per trade (exits show the result, coloured by sign), in time order. */
export function tradeMarkers(trades: OkPreview['trades']): SeriesMarker<UTCTimestamp>[] {
  const markers: SeriesMarker<UTCTimestamp>[] = []
  for (const trade of trades) {
    const long = trade.side === 'long'
    markers.push({
      time: trade.entryTime as UTCTimestamp,
      position: long ? 'belowBar' : 'aboveBar',
      shape: long ? 'arrowUp' : 'arrowDown',
      color: CHART_COLORS.entry,
      text: long ? 'Buy' : 'Sell',
    })
    markers.push({
      time: trade.exitTime as UTCTimestamp,
      position: long ? 'aboveBar' : 'belowBar',
      shape: long ? 'arrowDown' : 'arrowUp',
      color: trade.profit >= 0 ? CHART_COLORS.up : CHART_COLORS.down,
      text: formatSigned(trade.profit),
    })
  }
  // lightweight-charts requires markers in time order.
  return markers.sort((a, b) => a.time - b.time)
}

function formatSigned(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`
}
