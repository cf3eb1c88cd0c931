import { defineBinaryMath } from './define-binary-math'

export const multiply = defineBinaryMath({
  kind: 'multiply',
  label: 'Multiply',
  description: 'A × B on every bar, e.g. an ATR times a factor.',
  ts: (a, b) => `${a} * ${b}`,
  mql5Function: 'TlMultiply',
  sentence: (a, b) => `${a} times ${b}`,
})
