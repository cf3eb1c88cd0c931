import { defineBinaryMath } from './define-binary-math'

export const min = defineBinaryMath({
  kind: 'min',
  label: 'Minimum',
  description: 'The smaller of A and B on every bar.',
  ts: (a, b) => `Math.min(${a}, ${b})`,
  mql5Function: 'TlMin',
  sentence: (a, b) => `the smaller of ${a} and ${b}`,
})
