import { defineBinaryMath } from './define-binary-math'

export const max = defineBinaryMath({
  kind: 'max',
  label: 'Maximum',
  description: 'The larger of A and B on every bar.',
  ts: (a, b) => `Math.max(${a}, ${b})`,
  mql5Function: 'TlMax',
  sentence: (a, b) => `the larger of ${a} and ${b}`,
})
