import { describe, expect, it } from 'vitest'
import * as runtime from '../index'
import { hourlyBars } from '../../test/helpers'
import { loadStrategyModule } from './load-strategy-module'

const SOURCE = `
import { createSma } from '@tradeloom/runtime'
import type { BarContext, Strategy } from '@tradeloom/runtime'

export interface Params { period: number }
export const defaultParams: Params = { period: 2 }

export function createStrategy(params: Partial<Params> = {}): Strategy {
  const p: Params = { ...defaultParams, ...params }
  const sma = createSma(p.period)
  return {
    warmupBars: p.period,
    onBar(ctx: BarContext): void {
      const value = sma.update(ctx.close)
      ctx.record('sma', value)
      if (!ctx.isWarmingUp && ctx.positionVolume === 0 && ctx.close > value) ctx.enterLong()
    },
  }
}
`

describe('loadStrategyModule', () => {
  it('strips types, resolves @tradeloom/runtime and runs', () => {
    const mod = loadStrategyModule(SOURCE, runtime)
    expect(mod.defaultParams).toEqual({ period: 2 })
    const bars = hourlyBars([
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1.3, 1, 1.2],
      [1.2, 1.2, 1.2, 1.2],
    ])
    const r = runtime.runBacktest(bars, mod.createStrategy({ period: 2 }), { recordSeries: true })
    const sma = [...r.series.sma!]
    expect(sma[0]).toBeNaN()
    ;[1, 1.1, 1.2].forEach((v, i) => expect(sma[i + 1]).toBeCloseTo(v, 12))
    expect(r.trades.map((t) => t.entryIndex)).toEqual([3])
  })

  it('names a forbidden import', () => {
    const source = `import { readFileSync } from 'node:fs'\nexport const defaultParams = { f: readFileSync }`
    expect(() => loadStrategyModule(source, runtime)).toThrow(
      'Strategy module imports "node:fs", but only "@tradeloom/runtime" is available to strategies',
    )
  })

  it('reports syntax errors with line and column', () => {
    expect(() => loadStrategyModule('const a: number = 1\nconst b = (;\n', runtime)).toThrow(
      'Strategy module has a syntax error: Unexpected token at line 2, column 12',
    )
  })

  it('requires createStrategy and defaultParams', () => {
    expect(() => loadStrategyModule('export const x = 1', runtime)).toThrow(
      'Strategy module must export a function `createStrategy` and an object `defaultParams`',
    )
    expect(() =>
      loadStrategyModule(
        'export const defaultParams = {}\nexport const createStrategy = 3',
        runtime,
      ),
    ).toThrow('must export a function `createStrategy`')
  })

  it('wraps an error thrown by the module body', () => {
    expect(() => loadStrategyModule('throw new Error("boom")', runtime)).toThrow(
      'Strategy module threw while loading: boom',
    )
  })
})
