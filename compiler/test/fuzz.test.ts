import * as runtime from '@tradeloom/runtime'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CompileSuccess } from '../src/index'
import { compile } from '../src/index'
import { hostileInputArbitrary, validGraphArbitrary } from './support/random-graph'
import { typecheckModules } from './support/typecheck-ts'

// Fixed seeds keep CI reproducible; a failure prints the counterexample to paste into a fixture.
const SEED = 20261121

describe('compile on random input', () => {
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(hostileInputArbitrary, (input) => {
        const result = compile(input)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) expect(result.diagnostics.length).toBeGreaterThan(0)
      }),
      { seed: SEED, numRuns: 400 },
    )
  })

  it('turns every valid random graph into TypeScript that typechecks and runs', () => {
    const graphs = fc.sample(validGraphArbitrary, { seed: SEED, numRuns: 40 })
    const results = graphs.map((graph) => compile(graph))
    const failures = results.flatMap((r, i) =>
      r.ok ? [] : [{ graph: graphs[i], diagnostics: r.diagnostics }],
    )
    expect(failures.filter((f) => f.diagnostics.some((d) => d.severity === 'error'))).toEqual([])
    const compiled = results.filter((r): r is CompileSuccess => r.ok)
    expect(
      typecheckModules(Object.fromEntries(compiled.map((r, i) => [`fuzz${i}.ts`, r.ts]))),
    ).toEqual([])
    const bars = runtime.generateSyntheticBars({ seed: 3, count: 600 })
    for (const { ts } of compiled) {
      const module = runtime.loadStrategyModule(ts, runtime as unknown as Record<string, unknown>)
      expect(runtime.runBacktest(bars, module.createStrategy()).equity.length).toBe(bars.length)
    }
  }, 120_000)
})
