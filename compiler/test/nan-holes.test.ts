import * as runtime from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import type { Edge, NodeInstance, StrategyGraph } from '../src/index'
import { compile } from '../src/index'

function node(id: string, kind: string, params: NodeInstance['params'] = {}): NodeInstance {
  return { id, kind, params, position: { x: 0, y: 0 } }
}

function edge(source: string, sourcePort: string, target: string, targetPort: string): Edge {
  return {
    id: `${source}_${sourcePort}__${target}_${targetPort}`,
    source,
    sourcePort,
    target,
    targetPort,
  }
}

/**
 * close / (close - close 1 bar ago) -> EMA(5) and EMA(20) -> cross -> enter / exit long. The
 * divisor is exactly zero whenever a bar closes at the previous close, so the Divide node has no
 * value on those bars (NaN) after both EMAs started.
 */
const graph: StrategyGraph = {
  schemaVersion: 1,
  meta: {
    name: 'EMA of a ratio with zero divisors',
    symbol: 'EURUSD',
    timeframe: 'H1',
    strategyClass: 'RULE',
  },
  nodes: [
    node('close', 'price', { field: 'close' }),
    node('prev', 'bars-ago', { bars: 1 }),
    node('change', 'subtract'),
    node('ratio', 'divide'),
    node('fast', 'ema', { period: 5 }),
    node('slow', 'ema', { period: 20 }),
    node('up', 'cross-above'),
    node('down', 'cross-below'),
    node('buy', 'enter-long'),
    node('sell', 'exit-long'),
  ],
  edges: [
    edge('close', 'value', 'prev', 'value'),
    edge('close', 'value', 'change', 'a'),
    edge('prev', 'value', 'change', 'b'),
    edge('close', 'value', 'ratio', 'a'),
    edge('change', 'value', 'ratio', 'b'),
    edge('ratio', 'value', 'fast', 'source'),
    edge('ratio', 'value', 'slow', 'source'),
    edge('fast', 'value', 'up', 'a'),
    edge('slow', 'value', 'up', 'b'),
    edge('fast', 'value', 'down', 'a'),
    edge('slow', 'value', 'down', 'b'),
    edge('up', 'result', 'buy', 'when'),
    edge('down', 'result', 'sell', 'when'),
  ],
}

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
