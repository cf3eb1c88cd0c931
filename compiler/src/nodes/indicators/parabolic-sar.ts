import { defineNode } from '../define-node'
import { numberParam } from '../params'
import { warmConst, warmSum } from '../../targets/warmup-expr'
import { sarBurnIn } from './burn-in'

/**
 * Parabolic SAR as MT5 computes it: a state machine that starts short on the first bar, so its
 * early values depend on where history starts; the warm-up adds a burn-in (see burn-in.ts).
 * Both targets run the same state machine: the runtime's `createParabolicSar` and
 * `TlParabolicSar` in `Include/Tradeloom/Indicators/ParabolicSar.mqh`.
 */
export const parabolicSar = defineNode({
  kind: 'parabolic-sar',
  version: 1,
  category: 'indicator',
  label: 'Parabolic SAR',
  description:
    'Stop And Reverse: a trailing level below the price in an uptrend and above it in a downtrend that tightens as the trend goes on. When the price crosses it the trend flips; traders use it as a trailing stop.',
  inputs: {},
  outputs: { value: 'series', uptrend: 'condition' },
  pane: 'price',
  params: {
    step: numberParam({ label: 'Step', default: 0.02, min: 0.001, max: 1, step: 0.001 }),
    maximum: numberParam({ label: 'Maximum', default: 0.2, min: 0.001, max: 1, step: 0.01 }),
  },
  sentence: ({ step, maximum }) => `Parabolic SAR(${step}, ${maximum})`,
  // First value at index 1 (bar 0 only seeds it), trusted after the burn-in.
  warmup: ({ step }) => warmSum(sarBurnIn(step), warmConst(1)),
  emitTs: ({ name, params }) => ({
    imports: ['createParabolicSar'],
    setup: [`const ${name} = createParabolicSar(${params.step.ts}, ${params.maximum.ts})`],
    onBar: [
      `const ${name}Value = ${name}.update(ctx.high, ctx.low)`,
      `const ${name}Uptrend = ${name}.isLong`,
    ],
    outputs: { value: `${name}Value`, uptrend: `${name}Uptrend` },
  }),
  emitMql5: ({ name, params }) => ({
    includes: ['Tradeloom/Indicators/ParabolicSar.mqh'],
    globals: [`TlParabolicSar g_${name};`],
    reset: [`TlParabolicSarInit(g_${name}, ${params.step.mql5}, ${params.maximum.mql5});`],
    onBar: [
      `const double ${name}Value = TlParabolicSarUpdate(g_${name}, bar.high, bar.low);`,
      `const bool ${name}Uptrend = g_${name}.isLong;`,
    ],
    outputs: { value: `${name}Value`, uptrend: `${name}Uptrend` },
  }),
})
