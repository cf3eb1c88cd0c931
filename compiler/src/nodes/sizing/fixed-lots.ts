import { numberParam } from '../params'
import { defineSizing } from './define-sizing'

export const fixedLots = defineSizing({
  kind: 'fixed-lots',
  runtimeKind: 'fixed',
  field: 'lots',
  mql5Kind: 'TL_SIZING_FIXED',
  label: 'Fixed lots',
  description: 'Every entry trades the same volume, in lots.',
  param: numberParam({ label: 'Lots', default: 0.1, min: 0.01, max: 1000, unit: 'lots' }),
  sentence: (lots) => `${lots} lots`,
})
