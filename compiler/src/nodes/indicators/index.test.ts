import * as runtime from '@tradeloom/runtime'
import { generateSyntheticBars, loadStrategyModule, runBacktest } from '@tradeloom/runtime'
import { mql5Sources } from '@tradeloom/mql5-templates'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CompileSuccess } from '../../compile'
import { compile } from '../../compile'
import { findMql5SyntaxProblems } from '../../../test/support/mql5-syntax'
import { typecheckModules } from '../../../test/support/typecheck-ts'
import type { NodeDefinition } from '../define-node'
import { indicatorNodes } from './index'

/**
 * Every indicator node, every output port: price -> indicator -> crosses above / below an SMA(5)
 * of that output -> enter / exit long (a condition port drives the entry directly). The compiled
 * strategy must typecheck, run on the runtime and trade, and its EA must parse.
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

describe('indicator nodes', () => {
  let problems: string[] = []
  beforeAll(() => {
    const files = Object.fromEntries(
      cases.map((c, i) => [`case-${i}-${c.kind}.ts`, compileOk(c.graph).ts]),
    )
    problems = typecheckModules(files)
  }, 120_000)

  it('emit TypeScript that typechecks strictly against the runtime', () => {
    expect(problems).toEqual([])
  })

  it('use include files that exist and parse on their own', async () => {
    const used = new Set(cases.flatMap((c) => c.graph && includesOf(compileOk(c.graph))))
    for (const path of used) {
      const text = mql5Sources[`Include/${path}`]
      expect(text, path).toBeDefined()
      expect(await findMql5SyntaxProblems(text!), path).toEqual([])
    }
    for (const [path, text] of Object.entries(mql5Sources)) {
      if (path.startsWith('Include/Tradeloom/Indicators/')) {
        expect(await findMql5SyntaxProblems(text), path).toEqual([])
      }
    }
  })
})

/** The include paths an EA inlined, from the markers `inlineIncludes` leaves. */
function includesOf(result: CompileSuccess): string[] {
  return [...result.mql5.matchAll(/^\/\/--- begin (\S+)/gm)].map((m) => m[1]!)
}
