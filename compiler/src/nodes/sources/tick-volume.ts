import { defineNode } from '../define-node'
import { warmConst } from '../../targets/warmup-expr'

export const tickVolume = defineNode({
  kind: 'tick-volume',
  version: 1,
  category: 'source',
  label: 'Tick volume',
  description:
    'How many price changes the bar had: a proxy for activity on forex and CFDs, where real volume is not reported.',
  inputs: {},
  outputs: { value: 'series' },
  pane: 'oscillator',
  params: {},
  sentence: () => 'tick volume',
  warmup: () => warmConst(0),
  emitTs: ({ name }) => ({ onBar: [`const ${name} = ctx.tickVolume`], outputs: { value: name } }),
  emitMql5: ({ name }) => ({
    onBar: [`const double ${name} = (double)bar.tick_volume;`],
    outputs: { value: name },
  }),
})
