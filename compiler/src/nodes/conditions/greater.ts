import { defineComparison } from './define-comparison'

export const greater = defineComparison({
  kind: 'greater',
  label: 'Greater than',
  operator: '>',
  mql5Function: 'TlGreater',
  words: 'above',
})
