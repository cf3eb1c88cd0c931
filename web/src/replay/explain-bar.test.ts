import { describe, expect, it } from 'vitest'
import { generateSyntheticBars } from '@tradeloom/runtime'
import { runPreview } from '../preview/run-preview'
import { sampleGraph } from '../test/sample-graph'
import { explainBar } from './explain-bar'
import { nodeValuesAt } from './node-values'

function run() {
  const graph = sampleGraph()
  const result = runPreview(
    { kind: 'graph', graph },
    generateSyntheticBars({ seed: 3, count: 800 }),
    {
      barsKey: 'k',
    },
  )
  if (!result.ok) throw new Error('preview failed')
  return { graph, result }
}

describe('explainBar', () => {
  it('says the strategy is warming up before its warm-up bars', () => {
    const { graph, result } = run()
    const text = explainBar({ graph, ...result, bar: 3 })
    expect(text).toMatch(/^Bar 3: still warming up/)
  })

  it('names the condition that fired an entry, on the bar before the fill', () => {
    const { graph, result } = run()
    const trade = result.trades.find((t) => t.side === 'long')!
    const text = explainBar({ graph, ...result, bar: trade.entryIndex - 1 })
    expect(text).toContain('Enter long fired because Crosses above was true')
  })

  it('names what blocked the entry on a quiet bar', () => {
    const { graph, result } = run()
    const up = result.series.up!
    const quiet = up.findIndex((value, i) => i > result.warmupBars && value === 0)
    expect(explainBar({ graph, ...result, bar: quiet })).toBe(
      `Bar ${quiet}: Enter long did not fire: Crosses above was false.`,
    )
  })
})

describe('nodeValuesAt', () => {
  it('reads every recorded node on a bar, conditions as true/false and price from the bars', () => {
    const { graph, result } = run()
    const bar = 500
    const values = nodeValuesAt(graph, result.series, result.bars, bar)
    expect(values.get('fast')?.[0]?.value).toBe(result.series.fast![bar])
    expect(['true', 'false']).toContain(values.get('up')?.[0]?.text)
    expect(values.get('price')?.[0]?.value).toBe(result.bars.close[bar])
    expect(values.has('buy')).toBe(false)
  })
})
