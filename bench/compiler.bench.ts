/**
 * compiler.compile.200_nodes.ms_median: compiling a 200-node graph (parse, validate, plan, emit
 * TypeScript and MQL5, hash), median of 15 runs after warm-up. Target: under 20 ms.
 */
import type { Edge, NodeInstance, StrategyGraph } from '@tradeloom/compiler'
import { compile } from '@tradeloom/compiler'
import { report } from './harness'

/** 20 blocks of 10 nodes: two SMAs of a price, a cross, a comparison, logic, entries and exits. */
function graphOf200Nodes(): StrategyGraph {
  const nodes: NodeInstance[] = []
  const edges: Edge[] = []
  const add = (id: string, kind: string, params: NodeInstance['params'] = {}) =>
    nodes.push({ id, kind, params, position: { x: nodes.length * 20, y: 0 } })
  const wire = (source: string, sourcePort: string, target: string, targetPort: string) =>
    edges.push({ id: `e${edges.length}`, source, sourcePort, target, targetPort })
  for (let b = 0; b < 20; b++) {
    const id = (name: string) => `b${b}_${name}`
    add(id('price'), 'price', { field: b % 2 === 0 ? 'close' : 'typical' })
    add(id('fast'), 'sma', { period: 5 + b })
    add(id('slow'), 'sma', { period: 30 + b })
    add(id('up'), 'cross-above')
    add(id('down'), 'cross-below')
    add(id('above'), 'greater')
    add(id('both'), 'and')
    add(id('stop'), 'stop-loss', { unit: 'pips', distance: 20 + b })
    add(id('enter'), b % 2 === 0 ? 'enter-long' : 'enter-short')
    add(id('exit'), b % 2 === 0 ? 'exit-long' : 'exit-short')
    wire(id('price'), 'value', id('fast'), 'source')
    wire(id('price'), 'value', id('slow'), 'source')
    wire(id('fast'), 'value', id('up'), 'a')
    wire(id('slow'), 'value', id('up'), 'b')
    wire(id('fast'), 'value', id('down'), 'a')
    wire(id('slow'), 'value', id('down'), 'b')
    wire(id('price'), 'value', id('above'), 'a')
    wire(id('slow'), 'value', id('above'), 'b')
    wire(id('up'), 'result', id('both'), 'a')
    wire(id('above'), 'result', id('both'), 'b')
    wire(id('both'), 'result', id('enter'), 'when')
    wire(id('stop'), 'level', id('enter'), 'stopLoss')
    wire(id('down'), 'result', id('exit'), 'when')
  }
  return {
    schemaVersion: 1,
    meta: { name: 'bench', symbol: 'EURUSD', timeframe: 'H1', strategyClass: 'RULE' },
    nodes,
    edges,
  }
}

const graph = graphOf200Nodes()
const first = compile(graph)
if (!first.ok)
  throw new Error(`bench graph does not compile: ${JSON.stringify(first.diagnostics.slice(0, 3))}`)
if (graph.nodes.length !== 200)
  throw new Error(`bench graph has ${graph.nodes.length} nodes, not 200`)

for (let i = 0; i < 5; i++) compile(graph)
const times: number[] = []
for (let i = 0; i < 15; i++) {
  const t0 = performance.now()
  const result = compile(graph)
  times.push(performance.now() - t0)
  if (!result.ok) throw new Error('compile failed during the benchmark')
}
times.sort((a, b) => a - b)
report('compiler.compile.200_nodes.ms_median', Math.round(times[7]! * 100) / 100, 'ms')
