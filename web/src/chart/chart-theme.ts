import { ColorType } from 'lightweight-charts'
import type { DeepPartial, ChartOptions } from 'lightweight-charts'

/** The IDE's dark theme for every lightweight-charts chart (mirrors app.css tokens). */
export const CHART_OPTIONS: DeepPartial<ChartOptions> = {
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
}
