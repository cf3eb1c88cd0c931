import { defineComparison } from './define-comparison'

export const greaterOrEqual = defineComparison({
  kind: 'greater-or-equal',
  label: 'Greater or equal',
  operator: '>=',
  mql5Function: 'TlGreaterOrEqual',
  words: 'at or above',
})
