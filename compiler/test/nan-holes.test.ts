import * as runtime from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import { compile } from '../src/index'
import { templateBuilder } from '../src/templates/build'

/**
 * close / (close - close 1 bar ago) -> EMA(5) and EMA(20) -> cross -> enter / exit long. The
 * divisor is exactly zero whenever a bar closes at the previous close, so the Divide node has no
 * value on those bars (NaN) after both EMAs started.
 */
const t = templateBuilder('EMA of a ratio with zero divisors')
t.node('close', 'price', 0, { field: 'close' })
t.node('prev', 'bars-ago', 1, { bars: 1 })
t.node('change', 'subtract', 2)
t.node('ratio', 'divide', 3)
t.node('fast', 'ema', 4, { period: 5 })
t.node('slow', 'ema', 4, { period: 20 })
t.node('up', 'cross-above', 5)
t.node('down', 'cross-below', 5)
t.node('buy', 'enter-long', 6)
t.node('sell', 'exit-long', 6)
t.wire('close.value', 'prev.value')
t.wire('close.value', 'change.a')
t.wire('prev.value', 'change.b')
t.wire('close.value', 'ratio.a')
t.wire('change.value', 'ratio.b')
t.wire('ratio.value', 'fast.source')
t.wire('ratio.value', 'slow.source')
t.wire('fast.value', 'up.a')
t.wire('slow.value', 'up.b')
t.wire('fast.value', 'down.a')
t.wire('slow.value', 'down.b')
t.wire('up.result', 'buy.when')
t.wire('down.result', 'sell.when')
const graph = t.build()

describe('a graph whose divisor is zero on some bars', () => {
  const result = compile(graph)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2))
  const bars = runtime.generateSyntheticBars({ seed: 1, count: 2000 })
  const module = runtime.loadStrategyModule(
    result.ts,
    runtime as unknown as Record<string, unknown>,
  )

  it('runs its TypeScript on synthetic bars without throwing, and trades', () => {
    const run = runtime.runBacktest(bars, module.createStrategy(), { recordSeries: true })
    expect(run.equity.length).toBe(bars.length)
    expect(run.trades.length).toBeGreaterThan(10)
    const { ratio, fast, slow } = run.series
    // The divisor really is zero on bars after the EMAs started: Divide gives no value there...
    const holes: number[] = []
    for (let i = 2; i < bars.length; i++) if (Number.isNaN(ratio![i])) holes.push(i)
    expect(holes.length).toBeGreaterThan(0)
    for (const i of holes) {
      expect(bars.close[i]).toBe(bars.close[i - 1])
      // ...and each EMA skips the hole: it holds its previous value.
      expect(Number.isFinite(fast![i])).toBe(true)
      expect(fast![i]).toBe(fast![i - 1])
      expect(slow![i]).toBe(slow![i - 1])
    }
  })

  it('emits the same division rule in MQL5', () => {
    expect(result.ts).toContain('change !== 0 ? close / change : NaN')
    expect(result.mql5).toContain('TlDivide(close, change)')
  })
})
