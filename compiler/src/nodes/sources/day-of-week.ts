import { defineNode } from '../define-node'
import { warmConst } from '../../targets/warmup-expr'

/** 0 = Sunday … 6 = Saturday, as MQL5's MqlDateTime.day_of_week; 1970-01-01 was a Thursday (4). */
export const dayOfWeek = defineNode({
  kind: 'day-of-week',
  version: 1,
  category: 'source',
  label: 'Day of week',
  description: 'The weekday of the bar: 0 Sunday, 1 Monday … 5 Friday, 6 Saturday (server time).',
  inputs: {},
  outputs: { value: 'series' },
  pane: 'oscillator',
  params: {},
  sentence: () => 'the day of week',
  warmup: () => warmConst(0),
  emitTs: ({ name }) => ({
    onBar: [`const ${name} = (Math.floor(ctx.time / 86400) + 4) % 7`],
    outputs: { value: name },
  }),
  emitMql5: ({ name }) => ({
    onBar: [`const double ${name} = (double)(((long)bar.time / 86400 + 4) % 7);`],
    outputs: { value: name },
  }),
})
