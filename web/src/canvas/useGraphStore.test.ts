import { beforeEach, describe, expect, it } from 'vitest'
import { compile } from '@tradeloom/compiler'
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

  it('connects compatible ports with a readable edge id the compiler accepts', () => {
    store.getState().onEdgesChange([{ type: 'remove', id: 'slow-up-b' }])
    const result = store.getState().connect({
      source: 'slow',
      sourceHandle: 'value',
      target: 'up',
      targetHandle: 'b',
    })
    expect(result).toEqual({ ok: true })
    expect(store.getState().graph.edges.at(-1)).toEqual({
      id: 'e-slow-value-up-b',
      source: 'slow',
      sourcePort: 'value',
      target: 'up',
      targetPort: 'b',
    })
    expect(compile(store.getState().graph).ok).toBe(true)
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

describe('useGraphStore editing commands', () => {
  beforeEach(() => store.getState().load(sampleGraph()))

  it('adds a block from the palette with default params and selects it', () => {
    const id = store.getState().addNode('rsi', { x: 10.4, y: 20.6 })
    expect(id).toBe('rsi_1')
    const node = store.getState().graph.nodes.find((n) => n.id === id)
    expect(node).toMatchObject({ kind: 'rsi', position: { x: 10, y: 21 } })
    expect(node?.params.period).toBe(14)
    expect(store.getState().nodes.find((n) => n.id === id)?.selected).toBe(true)
    expect(store.getState().addNode('rsi', { x: 0, y: 0 })).toBe('rsi_2')
  })

  it('undoes and redoes edits, one step each', () => {
    const original = store.getState().graph
    store.getState().setParam('fast', 'period', 12)
    store.getState().setParam('fast', 'period', 13)
    store.getState().undo()
    expect(store.getState().graph.nodes.find((n) => n.id === 'fast')?.params.period).toBe(12)
    store.getState().undo()
    expect(store.getState().graph).toEqual(original)
    expect(store.getState().past).toHaveLength(0)
    store.getState().redo()
    expect(store.getState().graph.nodes.find((n) => n.id === 'fast')?.params.period).toBe(12)
    // A new edit after an undo drops the redo branch.
    store.getState().undo()
    store.getState().rename('Other')
    expect(store.getState().future).toHaveLength(0)
  })

  it('makes a whole drag one undo step', () => {
    const move = (x: number, dragging: boolean) =>
      store
        .getState()
        .onNodesChange([{ type: 'position', id: 'buy', position: { x, y: 0 }, dragging }])
    move(610, true)
    move(620, true)
    move(630, false)
    expect(store.getState().past).toHaveLength(1)
    store.getState().undo()
    expect(store.getState().graph.nodes.find((n) => n.id === 'buy')?.position).toEqual({
      x: 600,
      y: -60,
    })
  })

  it('copies and pastes the selection with fresh ids and the edges between the copied blocks', () => {
    store.getState().select(['fast', 'up'])
    store.getState().copySelection()
    store.getState().paste()
    const { graph, nodes } = store.getState()
    expect(graph.nodes.map((n) => n.id)).toEqual([
      ...sampleGraph().nodes.map((n) => n.id),
      'sma_1',
      'cross_above_1',
    ])
    const pasted = graph.edges.at(-1)!
    expect(pasted).toMatchObject({
      source: 'sma_1',
      sourcePort: 'value',
      target: 'cross_above_1',
      targetPort: 'a',
    })
    expect(graph.edges).toHaveLength(sampleGraph().edges.length + 1)
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['sma_1', 'cross_above_1'])
    expect(graph.nodes.find((n) => n.id === 'sma_1')?.position).toEqual({ x: 240, y: -20 })
  })

  it('duplicates and deletes the selection', () => {
    store.getState().select(['slow'])
    store.getState().duplicateSelection()
    expect(store.getState().graph.nodes.map((n) => n.id)).toContain('sma_1')
    store.getState().select(['slow'])
    store.getState().deleteSelection()
    const { graph } = store.getState()
    expect(graph.nodes.map((n) => n.id)).not.toContain('slow')
    expect(graph.edges.some((e) => e.source === 'slow' || e.target === 'slow')).toBe(false)
  })

  it('lays the graph out left to right by data flow', () => {
    store.getState().layout()
    const x = (id: string) => store.getState().graph.nodes.find((n) => n.id === id)!.position.x
    expect(x('price')).toBeLessThan(x('fast'))
    expect(x('fast')).toBeLessThan(x('up'))
    expect(x('up')).toBeLessThan(x('buy'))
    expect(x('fast')).toBe(x('slow'))
  })

  it('sets and clears a block label', () => {
    store.getState().setLabel('slow', '  Slow MA ')
    expect(store.getState().graph.nodes.find((n) => n.id === 'slow')?.label).toBe('Slow MA')
    store.getState().setLabel('slow', '')
    expect(store.getState().graph.nodes.find((n) => n.id === 'slow')).not.toHaveProperty('label')
  })
})
