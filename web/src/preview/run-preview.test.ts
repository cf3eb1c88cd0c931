import { describe, expect, it } from 'vitest'
import { sampleGraph } from '../test/sample-graph'
import { runPreview, transferablesOf } from './run-preview'

describe('runPreview', () => {
  it('compiles, loads and backtests the graph on seeded synthetic bars', () => {
    const result = runPreview(sampleGraph(), { seed: 42, bars: 800 })
    if (!result.ok)
      throw new Error(`preview failed: ${result.error ?? JSON.stringify(result.diagnostics)}`)
    expect(result.bars.length).toBe(800)
    expect(result.trades.length).toBeGreaterThan(0)
    expect(result.stats.tradeCount).toBe(result.trades.length)
    expect(result.plots.map((plot) => plot.key)).toEqual(['fast', 'slow'])
    // The SMA(30) line is NaN while warming up, then defined.
    const slow = result.series.slow!
    expect(Number.isNaN(slow[0]!)).toBe(true)
    expect(Number.isFinite(slow[799]!)).toBe(true)
  })

  it('is deterministic for a seed and differs across seeds', () => {
    const a = runPreview(sampleGraph(), { seed: 7, bars: 500 })
    const b = runPreview(sampleGraph(), { seed: 7, bars: 500 })
    const c = runPreview(sampleGraph(), { seed: 8, bars: 500 })
    if (!a.ok || !b.ok || !c.ok) throw new Error('preview failed')
    expect(b.stats).toEqual(a.stats)
    expect(Array.from(c.bars.close)).not.toEqual(Array.from(a.bars.close))
  })

  it('returns the diagnostics of a graph that does not compile', () => {
    const graph = sampleGraph()
    graph.edges = graph.edges.filter((edge) => edge.target !== 'buy')
    const result = runPreview(graph, { seed: 42, bars: 100 })
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.diagnostics.map((d) => `${d.code}@${d.nodeId}`)
    expect(problems).toContain('missing-required-input@buy')
  })

  it('lists each typed-array buffer once for transfer, and nothing for a failure', () => {
    const result = runPreview(sampleGraph(), { seed: 42, bars: 200 })
    if (!result.ok) throw new Error('preview failed')
    expect(transferablesOf(result)).toHaveLength(5 + Object.keys(result.series).length)
    expect(transferablesOf({ ok: false, diagnostics: [] })).toEqual([])
  })
})
