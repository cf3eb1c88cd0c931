import { defineComparison } from './define-comparison'

export const lessOrEqual = defineComparison({
  kind: 'less-or-equal',
  label: 'Less or equal',
  operator: '<=',
  mql5Function: 'TlLessOrEqual',
  words: 'at or below',
})
