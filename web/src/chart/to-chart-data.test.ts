import { describe, expect, it } from 'vitest'
import { runPreview } from '../preview/run-preview'
import { sampleGraph } from '../test/sample-graph'
import { toChartData } from './to-chart-data'

function preview() {
  const result = runPreview(sampleGraph(), { seed: 42, bars: 600 })
  if (!result.ok) throw new Error(`preview failed: ${result.error ?? 'diagnostics'}`)
  return result
}

describe('toChartData', () => {
  it('gives one candle per bar with the bar prices', () => {
    const result = preview()
    const { candles } = toChartData(result)
    expect(candles).toHaveLength(600)
    expect(candles[10]).toEqual({
      time: result.bars.time[10],
      open: result.bars.open[10],
      high: result.bars.high[10],
      low: result.bars.low[10],
      close: result.bars.close[10],
    })
  })

  it('draws each price plot as a line with gaps during warm-up', () => {
    const { lines } = toChartData(preview())
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
    const { markers } = toChartData(result)
    expect(markers).toHaveLength(result.trades.length * 2)
    expect(markers.filter((marker) => marker.text === 'Buy')).toHaveLength(result.trades.length)
    for (let i = 1; i < markers.length; i++) {
      expect(markers[i]!.time).toBeGreaterThanOrEqual(markers[i - 1]!.time)
    }
  })
})
