import { useEffect, useMemo, useRef } from 'react'
import {
  CandlestickSeries,
  ColorType,
  createChart,
  createSeriesMarkers,
  LineSeries,
} from 'lightweight-charts'
import type { IChartApi, ISeriesApi, ISeriesMarkersPluginApi, Time } from 'lightweight-charts'
import type { PreviewResult } from '../preview/run-preview'
import { CHART_COLORS, toChartData } from './to-chart-data'

interface ChartHandles {
  chart: IChartApi
  candles: ISeriesApi<'Candlestick'>
  markers: ISeriesMarkersPluginApi<Time>
  lines: ISeriesApi<'Line'>[]
}

/**
 * Candles, indicator lines and trade markers of the latest preview. The chart is created once;
 * new results replace its data so the user's zoom survives edits.
 */
export function PriceChart({ result }: { result: Extract<PreviewResult, { ok: true }> }) {
  const container = useRef<HTMLDivElement>(null)
  const handles = useRef<ChartHandles | null>(null)
  const data = useMemo(() => toChartData(result), [result])

  useEffect(() => {
    const element = container.current
    if (!element) return
    const chart = createChart(element, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: '#11151c' },
        textColor: '#9aa4b2',
        fontFamily: 'Inter, system-ui, sans-serif',
        panes: { separatorColor: '#2a3140' },
      },
      grid: { vertLines: { color: '#1b212b' }, horzLines: { color: '#1b212b' } },
      rightPriceScale: { borderColor: '#2a3140' },
      timeScale: { borderColor: '#2a3140', timeVisible: true },
      crosshair: { mode: 0 },
    })
    const candles = chart.addSeries(CandlestickSeries, {
      upColor: CHART_COLORS.up,
      downColor: CHART_COLORS.down,
      wickUpColor: CHART_COLORS.up,
      wickDownColor: CHART_COLORS.down,
      borderVisible: false,
    })
    const markers = createSeriesMarkers(candles, [])
    handles.current = { chart, candles, markers, lines: [] }
    return () => {
      handles.current = null
      chart.remove()
    }
  }, [])

  useEffect(() => {
    const current = handles.current
    if (!current) return
    const firstData = current.candles.data().length === 0
    const minMove = 10 ** -result.digits
    current.candles.applyOptions({
      priceFormat: { type: 'price', precision: result.digits, minMove },
    })
    current.candles.setData(data.candles)
    for (const line of current.lines) current.chart.removeSeries(line)
    current.lines = data.lines.map((line) => {
      const series = current.chart.addSeries(
        LineSeries,
        {
          color: line.color,
          lineWidth: 2,
          title: line.label,
          priceLineVisible: false,
          lastValueVisible: true,
          priceFormat: { type: 'price', precision: result.digits, minMove },
        },
        line.pane,
      )
      series.setData(line.data)
      return series
    })
    current.markers.setMarkers(data.markers)
    // Start on the most recent bars at a readable candle width; the user can scroll back.
    if (firstData) {
      const to = data.candles.length
      current.chart.timeScale().setVisibleLogicalRange({ from: Math.max(0, to - 300), to })
    }
  }, [data, result.digits])

  return (
    <div
      ref={container}
      className="price-chart"
      data-testid="price-chart"
      data-marker-count={data.markers.length}
      data-candle-count={data.candles.length}
      data-line-count={data.lines.length}
      role="img"
      aria-label={`Price chart: ${data.candles.length} bars, ${data.markers.length} trade markers`}
    />
  )
}
