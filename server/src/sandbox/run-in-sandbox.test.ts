import { generateSyntheticBars } from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import { smaCrossTs } from '../test-support/graphs'
import type { SandboxRequest } from './protocol'
import { runInSandbox, SandboxCancelled, StrategyRunError } from './run-in-sandbox'

function request(tsSource: string, count = 2_000): SandboxRequest {
  const bars = generateSyntheticBars({ seed: 5, count })
  return { tsSource, bars, config: { initialCash: 10_000, lots: 0.1, symbol: 'EURUSD' } }
}

const strategyWith = (onBar: string, body = '') =>
  `${body}
export const defaultParams = {}
export function createStrategy() { return { warmupBars: 0, onBar(ctx: unknown) { ${onBar} } } }`

describe('runInSandbox', () => {
  it('runs a compiled strategy and reports progress up to the last bar', async () => {
    const seen: number[] = []
    const result = await runInSandbox(request(smaCrossTs(), 3_000), {
      timeoutMs: 30_000,
      onProgress: (barIndex, total) => {
        expect(total).toBe(3_000)
        seen.push(barIndex)
      },
    })
    expect(result.trades.length).toBeGreaterThan(0)
    expect(result.stats.tradeCount).toBe(result.trades.length)
    expect(result.equity).toBeInstanceOf(Float64Array)
    expect(result.equity.length).toBe(3_000)
    expect(result.regimes.length).toBeGreaterThan(0)
    expect(result.riskScore.score).toBeGreaterThanOrEqual(0)
    expect(seen.length).toBeGreaterThan(90)
    expect(seen.at(-1)).toBe(2_999)
  })

  it('stops a strategy that never returns, and the next run still works', async () => {
    const started = Date.now()
    await expect(
      runInSandbox(request(strategyWith('while (true) {}')), { timeoutMs: 1_500 }),
    ).rejects.toThrow(new StrategyRunError('The strategy ran longer than 1.5 s and was stopped'))
    expect(Date.now() - started).toBeLessThan(10_000)
    const after = await runInSandbox(request(smaCrossTs(), 500), { timeoutMs: 30_000 })
    expect(after.equity.length).toBe(500)
  })

  it('stops a strategy that allocates without end', async () => {
    const bomb = strategyWith(
      'hoard.push(new Array(1_000_000).fill(Math.random()))',
      'const hoard: unknown[] = []',
    )
    await expect(runInSandbox(request(bomb), { timeoutMs: 30_000, memoryMb: 64 })).rejects.toThrow(
      'The strategy used more than 64 MB and was stopped',
    )
  })

  it('names load and run errors', async () => {
    await expect(runInSandbox(request('export const = 1'), { timeoutMs: 30_000 })).rejects.toThrow(
      /^The strategy could not be loaded: Strategy module has a syntax error: .*line 1/,
    )
    await expect(
      runInSandbox(request(strategyWith("throw new Error('boom')")), { timeoutMs: 30_000 }),
    ).rejects.toThrow('The strategy stopped with an error: boom')
  })

  it('gives the strategy no environment variables', async () => {
    const peek = strategyWith(
      "if (Object.keys(process.env).length > 0) throw new Error('saw ' + Object.keys(process.env).join())",
    )
    const result = await runInSandbox(request(peek, 200), { timeoutMs: 30_000 })
    expect(result.equity.length).toBe(200)
  })

  it('can be cancelled', async () => {
    const controller = new AbortController()
    const run = runInSandbox(request(strategyWith('while (true) {}')), {
      timeoutMs: 30_000,
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(), 300)
    await expect(run).rejects.toBeInstanceOf(SandboxCancelled)
  })
})
