import * as runtime from '@tradeloom/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CompileSuccess, NodeDefinition } from '../src/index'
import { compile, nodeDefinitions } from '../src/index'
import { harnessGraph } from './support/harness-graph'
import { findMql5SyntaxProblems, findUndefinedCalls } from './support/mql5-syntax'
import { typecheckModules } from './support/typecheck-ts'

/**
 * The conformance suite every registered node kind runs through (hono's runTest pattern): a node
 * joins it by being in the registry.
 */
const definitions = Object.values(nodeDefinitions) as unknown as NodeDefinition[]
const bars = runtime.generateSyntheticBars({ seed: 7, count: 1500 })

function compileHarness(definition: NodeDefinition): CompileSuccess {
  const result = compile(harnessGraph(definition))
  if (!result.ok)
    throw new Error(`${definition.kind}: ${JSON.stringify(result.diagnostics, null, 2)}`)
  return result
}

describe('every node kind', () => {
  let typeProblems: string[] = []
  beforeAll(() => {
    typeProblems = typecheckModules(
      Object.fromEntries(definitions.map((d) => [`${d.kind}.ts`, compileHarness(d).ts])),
    )
  }, 120_000)

  it('emits TypeScript that typechecks strictly against the runtime', () => {
    expect(typeProblems).toEqual([])
  })

  describe.each(definitions.map((d) => [d.kind, d] as const))('%s', (_kind, definition) => {
    it('has defaults within its own limits and a description', () => {
      expect(definition.description.length).toBeGreaterThan(10)
      for (const [name, spec] of Object.entries(definition.params)) {
        if (spec.type === 'enum')
          expect(
            spec.options.map((o) => o.value),
            name,
          ).toContain(spec.default)
        else {
          expect(spec.default, name).toBeGreaterThanOrEqual(spec.min)
          expect(spec.default, name).toBeLessThanOrEqual(spec.max)
        }
      }
    })

    it('compiles with its defaults, without warnings, deterministically', () => {
      const first = compileHarness(definition)
      expect(first.diagnostics).toEqual([])
      const second = compileHarness(definition)
      expect(second.ts).toBe(first.ts)
      expect(second.mql5).toBe(first.mql5)
    })

    it('emits MQL5 that parses and calls only defined functions', async () => {
      const { mql5 } = compileHarness(definition)
      expect(await findMql5SyntaxProblems(mql5)).toEqual([])
      expect(await findUndefinedCalls(mql5)).toEqual([])
    })

    it('runs on the runtime', () => {
      const { ts, plots } = compileHarness(definition)
      const module = runtime.loadStrategyModule(ts, runtime as unknown as Record<string, unknown>)
      const result = runtime.runBacktest(bars, module.createStrategy(), { recordSeries: true })
      expect(result.equity.length).toBe(bars.length)
      for (const plot of plots)
        expect(result.series[plot.key], plot.key).toBeInstanceOf(Float64Array)
    })
  })
})
