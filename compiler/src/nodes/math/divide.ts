import { defineBinaryMath } from './define-binary-math'

/** Division by zero gives "no value" on both targets, never Infinity or an MQL5 zero-divide error. */
export const divide = defineBinaryMath({
  kind: 'divide',
  label: 'Divide',
  description: 'A ÷ B on every bar. When B is zero there is no value for that bar.',
  ts: (a, b) => `${b} !== 0 ? ${a} / ${b} : NaN`,
  mql5Function: 'TlDivide',
  sentence: (a, b) => `${a} divided by ${b}`,
})
