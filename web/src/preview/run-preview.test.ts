import { describe, expect, it } from 'vitest'
import { compile } from '@tradeloom/compiler'
import { generateSyntheticBars } from '@tradeloom/runtime'
import { sampleGraph } from '../test/sample-graph'
import { barsFromJson } from './load-bars'
import { runPreview, transferablesOf } from './run-preview'

const bars = (count: number, seed = 42) => generateSyntheticBars({ seed, count })

describe('runPreview', () => {
  it('compiles, loads and backtests the graph', () => {
    const result = runPreview({ kind: 'graph', graph: sampleGraph() }, bars(800), { barsKey: 'k' })
    if (!result.ok)
      throw new Error(`preview failed: ${result.error ?? JSON.stringify(result.diagnostics)}`)
    expect(result.bars.length).toBe(800)
    expect(result.trades.length).toBeGreaterThan(0)
    expect(result.stats.tradeCount).toBe(result.trades.length)
    expect(result.equity).toHaveLength(800)
    expect(result.plots.map((plot) => plot.key)).toEqual(['fast', 'slow'])
    // The SMA(30) line is NaN while warming up, then defined; conditions are recorded as 0/1.
    const slow = result.series.slow!
    expect(Number.isNaN(slow[0]!)).toBe(true)
    expect(Number.isFinite(slow[799]!)).toBe(true)
    expect(new Set(result.series.up)).toEqual(new Set([0, 1]))
  })

  it('runs code the user took over, with the plots it still records', () => {
    const compiled = compile(sampleGraph())
    if (!compiled.ok) throw new Error('sample graph must compile')
    const code = compiled.ts.replace("ctx.record('slow', slowValue)", '')
    const result = runPreview({ kind: 'code', code, plots: compiled.plots }, bars(500), {
      barsKey: 'k',
    })
    if (!result.ok) throw new Error(result.error)
    expect(result.plots.map((plot) => plot.key)).toEqual(['fast'])
  })

  it('returns the loader error for code that does not parse', () => {
    const result = runPreview({ kind: 'code', code: 'export const = 1', plots: [] }, bars(50), {
      barsKey: 'k',
    })
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.error).toMatch(/line 1/i)
  })

  it('returns the diagnostics of a graph that does not compile', () => {
    const graph = sampleGraph()
    graph.edges = graph.edges.filter((edge) => edge.target !== 'buy')
    const result = runPreview({ kind: 'graph', graph }, bars(100), { barsKey: 'k' })
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.diagnostics.map((d) => `${d.code}@${d.nodeId}`)
    expect(problems).toContain('missing-required-input@buy')
  })

  it('lists each typed-array buffer once for transfer, and nothing for a failure', () => {
    const result = runPreview({ kind: 'graph', graph: sampleGraph() }, bars(200), { barsKey: 'k' })
    if (!result.ok) throw new Error('preview failed')
    expect(transferablesOf(result)).toHaveLength(7 + Object.keys(result.series).length)
    expect(transferablesOf({ ok: false, diagnostics: [] })).toEqual([])
  })
})

describe('barsFromJson', () => {
  it('keeps the bars inside the date range', () => {
    const json = {
      time: [10, 20, 30, 40],
      open: [1, 2, 3, 4],
      high: [1, 2, 3, 4],
      low: [1, 2, 3, 4],
      close: [1, 2, 3, 4],
    }
    const bars = barsFromJson(json, 15, 30)
    expect(Array.from(bars.time)).toEqual([20, 30])
    expect(Array.from(bars.close)).toEqual([2, 3])
  })
})
