import { describe, expect, it } from 'vitest'
import { smaCrossGraph } from '../test-support/graphs'
import { diffGraphs, isEmptyGraphDiff } from './graph-diff'

describe('diffGraphs', () => {
  it('finds nothing between equal graphs', () => {
    expect(isEmptyGraphDiff(diffGraphs(smaCrossGraph(), smaCrossGraph()))).toBe(true)
  })

  it('reports meta, labels and params, including ones present on one side only', () => {
    const a = smaCrossGraph()
    const b = smaCrossGraph()
    b.meta.timeframe = 'M15'
    b.nodes[1]!.label = undefined
    b.nodes[1]!.params.shift = 2
    const diff = diffGraphs(a, b)
    expect(diff.metaChanged).toEqual([{ field: 'timeframe', from: 'H1', to: 'M15' }])
    expect(diff.labelsChanged).toEqual([{ nodeId: 'sma_fast', from: 'Fast MA', to: null }])
    expect(diff.paramsChanged).toEqual([{ nodeId: 'sma_fast', param: 'shift', from: null, to: 2 }])
  })

  it('treats a new kind under an old id, and an edge rewired under its id, as remove + add', () => {
    const a = smaCrossGraph()
    const b = smaCrossGraph()
    b.nodes[1]!.kind = 'ema'
    b.edges[0]!.target = 'sma_slow'
    const diff = diffGraphs(a, b)
    expect(diff.nodesRemoved).toEqual([{ id: 'sma_fast', kind: 'sma', label: 'Fast MA' }])
    expect(diff.nodesAdded).toEqual([{ id: 'sma_fast', kind: 'ema', label: 'Fast MA' }])
    expect(diff.paramsChanged).toEqual([])
    expect(diff.edgesRemoved.map((e) => [e.id, e.target])).toEqual([['e1', 'sma_fast']])
    expect(diff.edgesAdded.map((e) => [e.id, e.target])).toEqual([['e1', 'sma_slow']])
  })
})
