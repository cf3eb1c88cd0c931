import { defineBinaryMath } from './define-binary-math'

export const add = defineBinaryMath({
  kind: 'add',
  label: 'Add',
  description: 'A + B on every bar.',
  ts: (a, b) => `${a} + ${b}`,
  mql5Function: 'TlAdd',
  sentence: (a, b) => `${a} + ${b}`,
})
