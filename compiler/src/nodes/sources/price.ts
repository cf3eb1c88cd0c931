import { defineNode } from '../define-node'
import { enumParam } from '../params'
import { warmConst } from '../../targets/warmup-expr'

/**
 * A bar price. Median, typical and weighted are MT5's applied prices (mt5-semantics.md 2) and are
 * computed with the same operation order as the runtime's `appliedPrice`.
 */
const FIELDS: Record<string, { label: string; ts: string; mql5: string }> = {
  close: { label: 'close', ts: 'ctx.close', mql5: 'bar.close' },
  open: { label: 'open', ts: 'ctx.open', mql5: 'bar.open' },
  high: { label: 'high', ts: 'ctx.high', mql5: 'bar.high' },
  low: { label: 'low', ts: 'ctx.low', mql5: 'bar.low' },
  median: {
    label: 'median price',
    ts: '(ctx.high + ctx.low) / 2',
    mql5: '(bar.high + bar.low) / 2.0',
  },
  typical: {
    label: 'typical price',
    ts: '(ctx.high + ctx.low + ctx.close) / 3',
    mql5: '(bar.high + bar.low + bar.close) / 3.0',
  },
  weighted: {
    label: 'weighted price',
    ts: '(ctx.high + ctx.low + ctx.close + ctx.close) / 4',
    mql5: '(bar.high + bar.low + bar.close + bar.close) / 4.0',
  },
}

export const price = defineNode({
  kind: 'price',
  version: 1,
  category: 'source',
  label: 'Price',
  description: 'A price of each closed bar: open, high, low, close, or an average of them.',
  inputs: {},
  outputs: { value: 'series' },
  pane: 'price',
  params: {
    field: enumParam({
      label: 'Price',
      default: 'close',
      options: Object.entries(FIELDS).map(([value, f]) => ({ value, label: f.label })),
    }),
  },
  sentence: ({ field }) => FIELDS[field]?.label ?? field,
  warmup: () => warmConst(0),
  emitTs: ({ name, params }) => ({
    onBar: [`const ${name} = ${FIELDS[params.field.value]!.ts}`],
    outputs: { value: name },
  }),
  emitMql5: ({ name, params }) => ({
    onBar: [`const double ${name} = ${FIELDS[params.field.value]!.mql5};`],
    outputs: { value: name },
  }),
})
