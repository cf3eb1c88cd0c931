import { defineNode } from '../define-node'
import { warmConst } from '../../targets/warmup-expr'

/** Hour of the bar's open time in the broker's server time (bars carry no zone), 0 to 23. */
export const timeOfDay = defineNode({
  kind: 'time-of-day',
  version: 1,
  category: 'source',
  label: 'Hour of day',
  description: 'The hour (0–23) at which the bar opened, in the broker’s server time.',
  inputs: {},
  outputs: { value: 'series' },
  pane: 'oscillator',
  params: {},
  sentence: () => 'the hour of day',
  warmup: () => warmConst(0),
  emitTs: ({ name }) => ({
    onBar: [`const ${name} = Math.floor((ctx.time % 86400) / 3600)`],
    outputs: { value: name },
  }),
  emitMql5: ({ name }) => ({
    onBar: [`const double ${name} = (double)(((long)bar.time % 86400) / 3600);`],
    outputs: { value: name },
  }),
})
