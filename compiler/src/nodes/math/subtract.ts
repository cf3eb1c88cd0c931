import { defineBinaryMath } from './define-binary-math'

export const subtract = defineBinaryMath({
  kind: 'subtract',
  label: 'Subtract',
  description: 'A − B on every bar, e.g. the gap between two moving averages.',
  ts: (a, b) => `${a} - ${b}`,
  mql5Function: 'TlSubtract',
  sentence: (a, b) => `${a} minus ${b}`,
})
