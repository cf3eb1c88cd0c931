import { describe, expect, it } from 'vitest'
import { sampleGraph } from '../test/sample-graph'
import { toFlow, toGraph } from './graph-adapter'

describe('graph adapter', () => {
  it('round-trips a graph through React Flow nodes and edges unchanged', () => {
    const graph = sampleGraph()
    const { meta, nodes, edges } = toFlow(graph)
    expect(toGraph(meta, nodes, edges)).toEqual(graph)
  })

  it('maps ports to handle ids and gives every node the generic type', () => {
    const { nodes, edges } = toFlow(sampleGraph())
    expect(nodes.every((node) => node.type === 'strategy')).toBe(true)
    expect(nodes[1]?.data).toEqual({ kind: 'sma', params: { period: 10 }, label: 'Fast' })
    expect(edges[2]).toEqual({
      id: 'fast-up-a',
      source: 'fast',
      sourceHandle: 'value',
      target: 'up',
      targetHandle: 'a',
    })
  })

  it('drops UI-only state and rounds sub-pixel positions', () => {
    const { meta, nodes, edges } = toFlow(sampleGraph())
    const touched = nodes.map((node, n) =>
      n === 0
        ? {
            ...node,
            selected: true,
            dragging: true,
            measured: { width: 180, height: 90 },
            position: { x: 10.4, y: -3.6 },
          }
        : node,
    )
    const graph = toGraph(
      meta,
      touched,
      edges.map((edge) => ({ ...edge, selected: true })),
    )
    expect(graph.nodes[0]).toEqual({
      id: 'price',
      kind: 'price',
      params: { field: 'close' },
      position: { x: 10, y: -4 },
    })
    expect(graph.edges[0]).toEqual(sampleGraph().edges[0])
  })

  it('does not share param objects between the graph and the canvas', () => {
    const graph = sampleGraph()
    const { nodes } = toFlow(graph)
    nodes[1]!.data.params.period = 99
    expect(graph.nodes[1]?.params.period).toBe(10)
  })

  it('names the edge when a handle id is missing', () => {
    const { meta, nodes, edges } = toFlow(sampleGraph())
    const broken = [{ ...edges[0]!, targetHandle: null }]
    expect(() => toGraph(meta, nodes, broken)).toThrow(
      /Edge "price-fast-source" has no targetHandle/,
    )
  })
})
