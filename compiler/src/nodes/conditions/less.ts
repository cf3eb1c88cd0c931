import { defineComparison } from './define-comparison'

export const less = defineComparison({
  kind: 'less',
  label: 'Less than',
  operator: '<',
  mql5Function: 'TlLess',
  words: 'below',
})
