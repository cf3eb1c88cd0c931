import { describe, expect, it } from 'vitest'
import { sampleGraph } from '../test/sample-graph'
import { autoLayout } from './auto-layout'

describe('autoLayout', () => {
  it('puts each block one column after its deepest input', () => {
    const laid = autoLayout(sampleGraph())
    const x = (id: string) => laid.nodes.find((n) => n.id === id)!.position.x
    expect([x('price'), x('fast'), x('slow'), x('up'), x('buy')]).toEqual([0, 270, 270, 540, 810])
  })

  it('stacks a column by the measured heights so tall blocks never overlap', () => {
    const graph = sampleGraph()
    graph.edges = []
    const laid = autoLayout(graph, new Map([['price', 300]]))
    const ys = laid.nodes.map((n) => n.position.y).sort((a, b) => a - b)
    expect(laid.nodes.every((n) => n.position.x === 0)).toBe(true)
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(110)
    const price = laid.nodes.find((n) => n.id === 'price')!.position.y
    const next = ys.find((y) => y > price)
    if (next !== undefined) expect(next - price).toBe(340)
  })
})
