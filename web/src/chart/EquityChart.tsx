import { useEffect, useRef } from 'react'
import { AreaSeries, createChart, LineSeries } from 'lightweight-charts'
import type { IChartApi, ISeriesApi } from 'lightweight-charts'
import { CHART_OPTIONS } from './chart-theme'
import { CHART_COLORS, toLine } from './to-chart-data'

export interface EquityCurve {
  time: Float64Array
  equity: Float64Array
  drawdown: Float64Array
}

/** Equity at each bar close above, drawdown from the running peak (as a negative area) below. */
export function EquityChart({
  curve,
  testId = 'equity-chart',
}: {
  curve: EquityCurve
  testId?: string
}) {
  const container = useRef<HTMLDivElement>(null)
  const handles = useRef<{
    chart: IChartApi
    equity: ISeriesApi<'Line'>
    drawdown: ISeriesApi<'Area'>
  } | null>(null)

  useEffect(() => {
    const element = container.current
    if (!element) return
    const chart = createChart(element, {
      ...CHART_OPTIONS,
      handleScroll: false,
      handleScale: false,
    })
    const equity = chart.addSeries(LineSeries, {
      color: CHART_COLORS.equity,
      lineWidth: 2,
      title: 'Equity',
      priceLineVisible: false,
    })
    const drawdown = chart.addSeries(
      AreaSeries,
      {
        lineColor: CHART_COLORS.down,
        topColor: 'rgba(239, 83, 80, 0.05)',
        bottomColor: 'rgba(239, 83, 80, 0.4)',
        lineWidth: 1,
        title: 'Drawdown',
        priceLineVisible: false,
      },
      1,
    )
    chart.panes()[1]?.setHeight(70)
    handles.current = { chart, equity, drawdown }
    return () => {
      handles.current = null
      chart.remove()
    }
  }, [])

  useEffect(() => {
    const current = handles.current
    if (!current) return
    current.equity.setData(toLine(curve.time, curve.equity))
    const negative = curve.drawdown.map((value) => -value)
    current.drawdown.setData(toLine(curve.time, negative))
    current.chart.timeScale().fitContent()
  }, [curve])

  return (
    <div
      ref={container}
      className="equity-chart"
      data-testid={testId}
      role="img"
      aria-label={`Equity and drawdown over ${curve.time.length} bars`}
    />
  )
}
