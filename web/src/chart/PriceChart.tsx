import { useEffect, useMemo, useRef } from 'react'
import { CandlestickSeries, createChart, createSeriesMarkers, LineSeries } from 'lightweight-charts'
import type {
  IChartApi,
  ISeriesApi,
  ISeriesMarkersPluginApi,
  Time,
  UTCTimestamp,
} from 'lightweight-charts'
import type { PreviewResult } from '../preview/run-preview'
import { useReplayStore } from '../replay/useReplayStore'
import { CHART_OPTIONS } from './chart-theme'
import {
  CHART_COLORS,
  lineWindow,
  plotLines,
  toCandles,
  toLine,
  tradeMarkers,
} from './to-chart-data'

interface ChartHandles {
  chart: IChartApi
  candles: ISeriesApi<'Candlestick'>
  markers: ISeriesMarkersPluginApi<Time>
  /** One series per plot, with the values it was last given (to skip unchanged lines). */
  lines: Map<string, { series: ISeriesApi<'Line'>; values: Float64Array; pane: number }>
  barsKey?: string
  /** The bars the lines currently hold (all of them unless the history is long). */
  window: { from: number; to: number }
}

type OkPreview = Extract<PreviewResult, { ok: true }>

/**
 * Candles, indicator lines (price pane and one pane per oscillator) and trade markers of the
 * latest preview. The chart is created once; new results replace its data so the user's zoom
 * survives edits, and candles are only re-sent when the bars themselves changed. Clicking a bar
 * selects it for the canvas values; the selected bar and trade-list clicks scroll the chart.
 */
export function PriceChart({ result }: { result: OkPreview }) {
  const container = useRef<HTMLDivElement>(null)
  const handles = useRef<ChartHandles | null>(null)
  const resultRef = useRef(result)
  resultRef.current = result
  const bar = useReplayStore((state) => state.bar)
  const focus = useReplayStore((state) => state.focus)
  const lines = useMemo(() => plotLines(result), [result])
  const markers = useMemo(() => tradeMarkers(result.trades), [result.trades])

  useEffect(() => {
    const element = container.current
    if (!element) return
    const chart = createChart(element, CHART_OPTIONS)
    const candles = chart.addSeries(CandlestickSeries, {
      upColor: CHART_COLORS.up,
      downColor: CHART_COLORS.down,
      wickUpColor: CHART_COLORS.up,
      wickDownColor: CHART_COLORS.down,
      borderVisible: false,
    })
    const markersApi = createSeriesMarkers(candles, [])
    handles.current = {
      chart,
      candles,
      markers: markersApi,
      lines: new Map(),
      window: { from: 0, to: 0 },
    }
    chart.subscribeClick((param) => {
      if (param.logical === undefined) return
      const index = Math.round(param.logical)
      if (index >= 0 && index < resultRef.current.bars.length)
        useReplayStore.getState().setBar(index)
    })
    // Long histories hold lines only around the view: refill when the view nears the edge.
    let pending = 0
    chart.timeScale().subscribeVisibleLogicalRangeChange((range) => {
      const current = handles.current
      if (!current || !range || pending) return
      const { from, to } = current.window
      const length = resultRef.current.bars.length
      const nearEdge = (range.from < from + 200 && from > 0) || (range.to > to - 200 && to < length)
      if (!nearEdge) return
      pending = requestAnimationFrame(() => {
        pending = 0
        refillLines(
          current,
          resultRef.current,
          lineWindow(current.chart.timeScale().getVisibleLogicalRange(), length),
        )
      })
    })
    return () => {
      cancelAnimationFrame(pending)
      handles.current = null
      chart.remove()
    }
  }, [])

  useEffect(() => {
    const current = handles.current
    if (!current) return
    const firstData = current.barsKey === undefined
    const minMove = 10 ** -result.digits
    if (current.barsKey !== result.barsKey) {
      current.candles.applyOptions({
        priceFormat: { type: 'price', precision: result.digits, minMove },
      })
      current.candles.setData(toCandles(result.bars))
      current.barsKey = result.barsKey
    }
    // A parameter edit usually changes one line: re-send only lines whose values changed (a
    // 100,000-point setData is the costly part), and rebuild all when the set of plots changed.
    const sameLayout =
      current.lines.size === lines.length &&
      lines.every((line) => current.lines.get(line.key)?.pane === line.pane)
    if (!sameLayout) {
      for (const { series } of current.lines.values()) current.chart.removeSeries(series)
      current.lines.clear()
    }
    // Start on the most recent bars at a readable candle width; the user can scroll back.
    if (firstData) {
      const to = result.bars.length
      current.chart.timeScale().setVisibleLogicalRange({ from: Math.max(0, to - 300), to })
    }
    const window = lineWindow(
      current.chart.timeScale().getVisibleLogicalRange(),
      result.bars.length,
    )
    const moved = window.from !== current.window.from || window.to !== current.window.to
    current.window = window
    for (const line of lines) {
      const values = result.series[line.key]!
      const existing = current.lines.get(line.key)
      if (existing && !moved && sameValues(existing.values, values)) continue
      const series =
        existing?.series ??
        current.chart.addSeries(
          LineSeries,
          {
            color: line.color,
            lineWidth: 2,
            title: line.label,
            priceLineVisible: false,
            lastValueVisible: true,
            ...(line.pane === 0
              ? { priceFormat: { type: 'price', precision: result.digits, minMove } }
              : {}),
          },
          line.pane,
        )
      series.setData(toLine(result.bars.time, values, window.from, window.to))
      current.lines.set(line.key, { series, values, pane: line.pane })
    }
    // Oscillator panes share under half the height so the candles keep the most.
    const panes = current.chart.panes()
    const height = container.current?.clientHeight ?? 300
    const share = Math.max(60, Math.round((height * 0.45) / Math.max(1, panes.length - 1)))
    for (let i = 1; i < panes.length; i++) panes[i]!.setHeight(Math.min(share, 140))
    // Stamped in the frame after the data went in (lightweight-charts draws in its own frame
    // callback, queued first), so a test or benchmark can wait for the drawn chart.
    const element = container.current
    requestAnimationFrame(() => element?.setAttribute('data-rendered', String(performance.now())))
  }, [result, lines])

  // Trade markers plus one for the selected bar, so replay shows where it is.
  useEffect(() => {
    const current = handles.current
    if (!current) return
    const time = bar === undefined ? undefined : (result.bars.time[bar] as UTCTimestamp | undefined)
    if (time === undefined) return current.markers.setMarkers(markers)
    const replay = {
      time,
      position: 'aboveBar' as const,
      shape: 'circle' as const,
      color: CHART_COLORS.replay,
      text: `bar ${bar}`,
    }
    current.markers.setMarkers([...markers, replay].sort((a, b) => a.time - b.time))
    const range = current.chart.timeScale().getVisibleLogicalRange()
    // Follow the replay: recentre only when the bar leaves the visible range.
    if (range && bar !== undefined && (bar < range.from + 2 || bar > range.to - 2)) {
      const width = Math.max(60, range.to - range.from)
      current.chart
        .timeScale()
        .setVisibleLogicalRange({ from: bar - width / 2, to: bar + width / 2 })
    }
  }, [bar, markers, result.bars])

  useEffect(() => {
    const current = handles.current
    if (!current || !focus) return
    const pad = Math.max(20, (focus.to - focus.from) * 0.5)
    current.chart.timeScale().setVisibleLogicalRange({ from: focus.from - pad, to: focus.to + pad })
  }, [focus])

  return (
    <div
      ref={container}
      className="price-chart"
      data-testid="price-chart"
      data-marker-count={markers.length}
      data-candle-count={result.bars.length}
      data-line-count={lines.length}
      data-net-profit={result.stats.netProfit.toFixed(2)}
      role="img"
      aria-label={`Price chart: ${result.bars.length} bars, ${markers.length} trade markers`}
    />
  )
}

/** Equal element by element (NaN equals NaN: warm-up gaps are the same gaps). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false
  }
  return true
}

/** Gives every line the bars of a new window (after the user scrolled a long history). */
function refillLines(
  current: ChartHandles,
  result: OkPreview,
  window: { from: number; to: number },
) {
  current.window = window
  for (const [key, line] of current.lines) {
    const values = result.series[key]
    if (values) line.series.setData(toLine(result.bars.time, values, window.from, window.to))
  }
}
