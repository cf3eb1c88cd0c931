import type {
  CandlestickData,
  LineData,
  SeriesMarker,
  UTCTimestamp,
  WhitespaceData,
} from 'lightweight-charts'
import type { PreviewResult } from '../preview/run-preview'

type OkPreview = Extract<PreviewResult, { ok: true }>

export interface ChartLine {
  key: string
  label: string
  /** 0 = the candle pane; oscillators get their own pane below it. */
  pane: number
  color: string
  data: (LineData<UTCTimestamp> | WhitespaceData<UTCTimestamp>)[]
}

export interface ChartData {
  candles: CandlestickData<UTCTimestamp>[]
  lines: ChartLine[]
  markers: SeriesMarker<UTCTimestamp>[]
}

export const CHART_COLORS = {
  up: '#26a69a',
  down: '#ef5350',
  entry: '#339af0',
  lines: ['#f0b429', '#b197fc', '#ff922b', '#63e6be', '#f783ac'],
} as const

/**
 * Converts a preview run into what lightweight-charts draws: candles, one line per compiled plot
 * (NaN warm-up values become whitespace, i.e. gaps), and an entry and an exit marker per trade.
 */
export function toChartData(result: OkPreview): ChartData {
  const { bars } = result
  const time = (i: number) => bars.time[i] as UTCTimestamp
  const candles: CandlestickData<UTCTimestamp>[] = []
  for (let i = 0; i < bars.length; i++) {
    candles.push({
      time: time(i),
      open: bars.open[i]!,
      high: bars.high[i]!,
      low: bars.low[i]!,
      close: bars.close[i]!,
    })
  }

  const lines = result.plots.flatMap((plot, n): ChartLine[] => {
    const values = result.series[plot.key]
    if (!values) return []
    const data: ChartLine['data'] = []
    for (let i = 0; i < bars.length; i++) {
      const value = values[i]
      data.push(
        value === undefined || Number.isNaN(value) ? { time: time(i) } : { time: time(i), value },
      )
    }
    const color = CHART_COLORS.lines[n % CHART_COLORS.lines.length]!
    return [{ key: plot.key, label: plot.label, pane: plot.pane === 'price' ? 0 : 1, color, data }]
  })

  return { candles, lines, markers: tradeMarkers(result.trades) }
}

function tradeMarkers(trades: OkPreview['trades']): SeriesMarker<UTCTimestamp>[] {
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
    // The exit shows the trade's result, coloured by sign, so wins and losses read at a glance.
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
