import { describe, expect, it } from 'vitest'
import { generateSyntheticBars } from '@tradeloom/runtime'
import { runPreview } from '../preview/run-preview'
import { sampleGraph } from '../test/sample-graph'
import { lineWindow, thinCurve, toCandles, toLines, tradeMarkers } from './to-chart-data'

function preview() {
  const bars = generateSyntheticBars({ seed: 42, count: 600 })
  const result = runPreview({ kind: 'graph', graph: sampleGraph() }, bars, { barsKey: 'test' })
  if (!result.ok) throw new Error(`preview failed: ${result.error ?? 'diagnostics'}`)
  return result
}

describe('chart data', () => {
  it('gives one candle per bar with the bar prices', () => {
    const result = preview()
    const candles = toCandles(result.bars)
    expect(candles).toHaveLength(600)
    expect(candles[10]).toEqual({
      time: result.bars.time[10],
      open: result.bars.open[10],
      high: result.bars.high[10],
      low: result.bars.low[10],
      close: result.bars.close[10],
    })
  })

  it('draws each price plot as a line on the candle pane with gaps during warm-up', () => {
    const lines = toLines(preview())
    expect(lines.map((line) => [line.label, line.pane])).toEqual([
      ['Fast', 0],
      ['SMA', 0],
    ])
    const slow = lines[1]!.data
    expect(slow[0]).not.toHaveProperty('value')
    expect(slow[599]).toHaveProperty('value')
  })

  it('marks every entry and exit, in time order', () => {
    const result = preview()
    const markers = tradeMarkers(result.trades)
    expect(markers).toHaveLength(result.trades.length * 2)
    expect(markers.filter((marker) => marker.text === 'Buy')).toHaveLength(result.trades.length)
    for (let i = 1; i < markers.length; i++) {
      expect(markers[i]!.time).toBeGreaterThanOrEqual(markers[i - 1]!.time)
    }
  })
})

describe('thinCurve', () => {
  it('keeps short curves as they are', () => {
    const t = Float64Array.from([1, 2, 3])
    expect(thinCurve(t, t, t).time).toBe(t)
  })

  it('keeps each bucket’s last equity and deepest drawdown', () => {
    const time = Float64Array.from({ length: 10 }, (_, i) => i)
    const equity = Float64Array.from({ length: 10 }, (_, i) => 100 + i)
    const drawdown = Float64Array.from([0, 5, 1, 0, 0, 9, 0, 0, 2, 0])
    const thin = thinCurve(time, equity, drawdown, 4)
    expect(Array.from(thin.time)).toEqual([2, 5, 8, 9])
    expect(Array.from(thin.equity)).toEqual([102, 105, 108, 109])
    expect(Array.from(thin.drawdown)).toEqual([5, 9, 2, 0])
  })
})

describe('lineWindow', () => {
  it('gives ordinary histories every bar', () => {
    expect(lineWindow({ from: 100, to: 400 }, 3000)).toEqual({ from: 0, to: 3000 })
  })

  it('gives long histories the view plus a wide margin, clamped to the bars', () => {
    expect(lineWindow({ from: 99_700, to: 100_000 }, 100_000)).toEqual({
      from: 97_700,
      to: 100_000,
    })
    expect(lineWindow({ from: 50_000, to: 53_000 }, 100_000)).toEqual({ from: 44_000, to: 59_000 })
  })
})
