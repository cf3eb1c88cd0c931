import * as runtime from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import type { NodeDefinition } from '../../src/index'
import { compile, nodeDefinitions } from '../../src/index'
import { harnessGraph } from '../support/harness-graph'
import { testerSpreads } from './mt5-sim/strategy-tester'
import { loadCompiled, runParity } from './parity-run'
import { compareTrades } from './parity-trade'
import { testerFills } from './tester-fills'

/**
 * Every node kind's EA executed against its TypeScript: the conformance suite's harness graph
 * (../support/harness-graph.ts) for each registered kind, run by the simulated tester and by the
 * runtime over the same synthetic bars, must give the same trades and balance (the stop rules
 * of the runtime; see ./ea-parity.test.ts). Kinds that place broker-side stops or size by
 * equity also run in "Open prices only", where the documented stop fills apply
 * (./tester-fills.ts). This covers what no template uses: take profit, break-even, filters,
 * max trades per day, percent-of-equity sizing, close-all.
 */
const definitions = Object.values(nodeDefinitions) as unknown as NodeDefinition[]
const bars = runtime.generateSyntheticBars({ seed: 7, count: 1000 })
const symbol = runtime.getSymbol('EURUSD')
const EQUITY_SIZING = new Set(['risk-percent', 'percent-equity'])
// A deposit large enough for percent-of-equity sizing to reach the minimum volume.
const DEPOSIT = 100_000

describe('every node kind, as an EA in the simulated tester', () => {
  it.each(definitions.map((d) => [d.kind, d] as const))(
    '%s trades as its TypeScript',
    async (kind, definition) => {
      const result = compile(harnessGraph(definition))
      if (!result.ok) throw new Error(`${kind}: ${JSON.stringify(result.diagnostics)}`)
      const sizedByEquity = EQUITY_SIZING.has(kind)
      const template = await loadCompiled(kind, result, sizedByEquity)
      const setup = { bars, symbol, accountMode: 'netting', deposit: DEPOSIT } as const
      const run = runParity(template, { ...setup, stopModel: 'runtime-rules' })
      const exact = compareTrades(run.runtimeTrades, run.eaTrades, {
        digits: symbol.digits,
        volumeAndProfit: true,
      })
      expect(exact.differences.slice(0, 3)).toEqual([])
      expect(run.eaBalance).toBeCloseTo(run.runtimeBalance, 2)

      if (definition.category !== 'risk' && definition.category !== 'sizing') return
      const tester = runParity(template, { ...setup, stopModel: 'open-prices' })
      const expected = testerFills(tester.runtimeTrades, bars, symbol, testerSpreads(bars, symbol))
      const documented = compareTrades(expected, tester.eaTrades, {
        digits: symbol.digits,
        volumeAndProfit: !sizedByEquity,
      })
      expect(documented.differences.slice(0, 3)).toEqual([])
    },
  )
})
