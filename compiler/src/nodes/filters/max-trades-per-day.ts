import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst } from '../../targets/warmup-expr'

/**
 * True while fewer than N entries fired today (server-time day of the decision bar). Entries
 * count themselves when this node is present; the printers declare and reset the counter.
 */
export const maxTradesPerDay = defineNode({
  kind: 'max-trades-per-day',
  version: 1,
  category: 'filter',
  label: 'Max trades per day',
  description:
    'True until the strategy has entered N trades today. Combine it with an entry signal using And.',
  inputs: {},
  outputs: { result: 'condition' },
  params: {
    trades: intParam({ label: 'Trades per day', default: 2, min: 1, max: 1000, unit: 'trades' }),
  },
  sentence: ({ trades }) =>
    `fewer than ${trades} trade${trades === 1 ? '' : 's'} were entered today`,
  warmup: () => warmConst(0),
  emitTs: ({ name, params }) => ({
    onBar: [`const ${name} = entriesToday < ${params.trades.ts}`],
    outputs: { result: name },
  }),
  emitMql5: ({ name, params }) => ({
    onBar: [`const bool ${name} = g_entriesToday < ${params.trades.mql5};`],
    outputs: { result: name },
  }),
})
