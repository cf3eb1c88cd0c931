import { beforeEach, describe, expect, it } from 'vitest'
import { sampleGraph } from '../test/sample-graph'
import { useGraphStore } from './useGraphStore'

const store = useGraphStore

describe('useGraphStore', () => {
  beforeEach(() => store.getState().load(sampleGraph()))

  it('loads a graph as canvas nodes and a clean persisted twin', () => {
    const state = store.getState()
    expect(state.nodes).toHaveLength(7)
    expect(state.edges).toHaveLength(8)
    expect(state.graph).toEqual(sampleGraph())
    expect(state.dirty).toBe(false)
  })

  it('keeps the graph reference when only the selection changes', () => {
    const before = store.getState().graph
    store.getState().onNodesChange([{ type: 'select', id: 'fast', selected: true }])
    expect(store.getState().nodes.find((node) => node.id === 'fast')?.selected).toBe(true)
    expect(store.getState().graph).toBe(before)
    expect(store.getState().dirty).toBe(false)
  })

  it('moves a node in the graph and marks the document dirty', () => {
    store.getState().onNodesChange([{ type: 'position', id: 'buy', position: { x: 640, y: -20 } }])
    const buy = store.getState().graph.nodes.find((node) => node.id === 'buy')
    expect(buy?.position).toEqual({ x: 640, y: -20 })
    expect(store.getState().dirty).toBe(true)
  })

  it('removes the edges of a removed node', () => {
    store.getState().onNodesChange([{ type: 'remove', id: 'slow' }])
    const { graph, edges } = store.getState()
    expect(graph.nodes.map((node) => node.id)).not.toContain('slow')
    expect(edges.map((edge) => edge.id)).toEqual([
      'price-fast-source',
      'fast-up-a',
      'fast-down-a',
      'up-buy-when',
      'down-sell-when',
    ])
    expect(graph.edges).toHaveLength(5)
  })

  it('removes an edge', () => {
    store.getState().onEdgesChange([{ type: 'remove', id: 'up-buy-when' }])
    expect(store.getState().graph.edges.map((edge) => edge.id)).not.toContain('up-buy-when')
    expect(store.getState().dirty).toBe(true)
  })

  it('connects compatible ports with a readable edge id', () => {
    store.getState().onEdgesChange([{ type: 'remove', id: 'slow-up-b' }])
    const result = store.getState().connect({
      source: 'slow',
      sourceHandle: 'value',
      target: 'up',
      targetHandle: 'b',
    })
    expect(result).toEqual({ ok: true })
    expect(store.getState().graph.edges.at(-1)).toEqual({
      id: 'e-slow.value-up.b',
      source: 'slow',
      sourcePort: 'value',
      target: 'up',
      targetPort: 'b',
    })
  })

  it('refuses a connection the compiler rejects and says why', () => {
    const before = store.getState().graph
    const result = store.getState().connect({
      source: 'fast',
      sourceHandle: 'value',
      target: 'buy',
      targetHandle: 'when',
    })
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.reason).not.toBe('')
    expect(store.getState().graph).toBe(before)
  })

  it('sets a parameter and renames the strategy', () => {
    store.getState().setParam('fast', 'period', 12)
    store.getState().rename('Faster cross')
    const { graph, nodes } = store.getState()
    expect(graph.nodes.find((node) => node.id === 'fast')?.params).toEqual({ period: 12 })
    expect(nodes.find((node) => node.id === 'fast')?.data.params).toEqual({ period: 12 })
    expect(graph.meta.name).toBe('Faster cross')
    expect(store.getState().dirty).toBe(true)
    store.getState().markSaved()
    expect(store.getState().dirty).toBe(false)
  })
})
