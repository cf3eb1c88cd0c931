import * as runtime from '@tradeloom/runtime'
import { generateSyntheticBars, loadStrategyModule, runBacktest } from '@tradeloom/runtime'
import { mql5Sources } from '@tradeloom/mql5-templates'
import { describe, expect, it } from 'vitest'
import type { CompileSuccess } from '../../compile'
import { compile } from '../../compile'
import { findMql5SyntaxProblems } from '../../../test/support/mql5-syntax'
import type { NodeDefinition } from '../define-node'
import { indicatorNodes } from './index'

/**
 * Every indicator node, every output port: price -> indicator -> crosses above / below an SMA(5)
 * of that output -> enter / exit long (a condition port drives the entry directly). The compiled
 * strategy must run on the runtime and trade only after its warm-up, and its EA must parse.
 */
interface Case {
  readonly kind: string
  readonly port: string
  readonly graph: unknown
}

const node = (id: string, kind: string, params: Record<string, number | string> = {}) => ({
  id,
  kind,
  params,
  position: { x: 0, y: 0 },
})
const edge = (
  id: string,
  source: string,
  sourcePort: string,
  target: string,
  targetPort: string,
) => ({
  id,
  source,
  sourcePort,
  target,
  targetPort,
})

function graphFor(kind: string, def: NodeDefinition, port: string): unknown {
  const series = def.outputs[port] === 'series' ? port : Object.keys(def.outputs)[0]!
  const entry = def.outputs[port] === 'condition' ? ['ind', port] : ['up', 'result']
  return {
    schemaVersion: 1,
    meta: { name: `${kind} ${port}`, symbol: 'EURUSD', timeframe: 'H1', strategyClass: 'RULE' },
    nodes: [
      node('price_1', 'price', { field: 'close' }),
      node('ind', kind),
      node('avg', 'sma', { period: 5 }),
      node('up', 'cross-above'),
      node('down', 'cross-below'),
      node('enter', 'enter-long'),
      node('exit', 'exit-long'),
    ],
    edges: [
      ...('source' in def.inputs ? [edge('e0', 'price_1', 'value', 'ind', 'source')] : []),
      edge('e1', 'ind', series, 'avg', 'source'),
      edge('e2', 'ind', series, 'up', 'a'),
      edge('e3', 'avg', 'value', 'up', 'b'),
      edge('e4', 'ind', series, 'down', 'a'),
      edge('e5', 'avg', 'value', 'down', 'b'),
      edge('e6', entry[0]!, entry[1]!, 'enter', 'when'),
      edge('e7', 'down', 'result', 'exit', 'when'),
    ],
  }
}

const cases: Case[] = Object.entries(indicatorNodes as Record<string, NodeDefinition>).flatMap(
  ([kind, def]) =>
    Object.keys(def.outputs).map((port) => ({ kind, port, graph: graphFor(kind, def, port) })),
)

function compileOk(graph: unknown): CompileSuccess {
  const result = compile(graph)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2))
  return result
}

const bars = generateSyntheticBars({ seed: 7, count: 3000 })

describe.each(cases)('indicator $kind, output $port', ({ graph }) => {
  const result = compileOk(graph)

  it('compiles without errors, deterministically', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const again = compileOk(graph)
    expect(again.ts).toBe(result.ts)
    expect(again.mql5).toBe(result.mql5)
  })

  it('emits an EA that parses with zero error or missing nodes', async () => {
    expect(await findMql5SyntaxProblems(result.mql5)).toEqual([])
  })

  it('runs on the runtime and trades after its warm-up', () => {
    const strategy = loadStrategyModule(result.ts, runtime).createStrategy()
    expect(strategy.warmupBars).toBe(result.warmupBars)
    const run = runBacktest(bars, strategy)
    expect(run.trades.length).toBeGreaterThan(0)
    expect(Math.min(...run.trades.map((t) => t.entryIndex))).toBeGreaterThan(result.warmupBars)
  })
})

// Typechecking lives in test/nodes.case.test.ts: a node's code is the same whichever port is wired.
describe('indicator nodes', () => {
  it('use include files that exist and parse on their own', async () => {
    const used = new Set(cases.flatMap((c) => includesOf(compileOk(c.graph))))
    expect(
      [...used].filter((path) => path.startsWith('Tradeloom/Indicators/')).length,
    ).toBeGreaterThan(20)
    for (const [path, text] of Object.entries(mql5Sources)) {
      if (!path.startsWith('Include/Tradeloom/Indicators/')) continue
      expect(await findMql5SyntaxProblems(text), path).toEqual([])
      used.delete(path.slice('Include/'.length))
    }
    // Everything an indicator EA inlined from Indicators/ was checked above.
    expect([...used].filter((path) => path.startsWith('Tradeloom/Indicators/'))).toEqual([])
  })
})

/** The include paths an EA inlined, from the markers `inlineIncludes` leaves. */
function includesOf(result: CompileSuccess): string[] {
  return [...result.mql5.matchAll(/^\/\/--- begin (\S+)/gm)].map((m) => m[1]!)
}
