import { describe, expect, it } from 'vitest'
import { sampleGraph } from '../test/sample-graph'
import { diffGraphs, mergeForDiff } from './graph-diff'

describe('diffGraphs', () => {
  it('reports added, removed, changed and moved blocks and rewired edges', () => {
    const before = sampleGraph()
    const after = sampleGraph()
    after.nodes = after.nodes.filter((n) => n.id !== 'sell')
    after.edges = after.edges.filter((e) => e.target !== 'sell')
    after.nodes.find((n) => n.id === 'fast')!.params.period = 12
    after.nodes.find((n) => n.id === 'slow')!.position = { x: 1, y: 2 }
    after.nodes.push({
      id: 'rsi_1',
      kind: 'rsi',
      params: { period: 14 },
      position: { x: 0, y: 300 },
    })
    after.edges.push({
      id: 'new',
      source: 'price',
      sourcePort: 'value',
      target: 'rsi_1',
      targetPort: 'source',
    })
    const diff = diffGraphs(before, after)
    expect(Object.fromEntries(diff.nodes)).toEqual({
      fast: 'changed',
      slow: 'moved',
      rsi_1: 'added',
      sell: 'removed',
    })
    expect(diff.params).toEqual([{ nodeId: 'fast', param: 'period', from: 10, to: 12 }])
    expect(diff.edgesAdded).toEqual(['new'])
    expect(diff.edgesRemoved).toEqual(['down-sell-when'])
    const merged = mergeForDiff(before, after, diff)
    expect(merged.nodes.map((n) => n.id)).toContain('sell')
    expect(merged.edges.map((e) => e.id)).toContain('down-sell-when')
  })

  it('finds nothing between equal graphs', () => {
    const diff = diffGraphs(sampleGraph(), sampleGraph())
    expect(diff.nodes.size).toBe(0)
    expect(diff.edgesAdded).toEqual([])
    expect(diff.metaChanged).toEqual([])
  })
})
