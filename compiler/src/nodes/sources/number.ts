import { defineNode } from '../define-node'
import { numberParam } from '../params'
import { warmConst } from '../../targets/warmup-expr'

/** A constant, exposed as a strategy input so it can be tuned (an RSI level, a factor). */
export const number = defineNode({
  kind: 'number',
  version: 1,
  category: 'source',
  label: 'Number',
  description: 'A fixed number, such as an RSI level of 30. It becomes a setting you can tune.',
  inputs: {},
  outputs: { value: 'series' },
  params: { value: numberParam({ label: 'Value', default: 0, min: -1e9, max: 1e9 }) },
  sentence: ({ value }) => String(value),
  warmup: () => warmConst(0),
  emitTs: ({ params }) => ({ outputs: { value: params.value.ts } }),
  emitMql5: ({ params }) => ({ outputs: { value: params.value.mql5 } }),
})
