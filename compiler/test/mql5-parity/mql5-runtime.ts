/**
 * What translated MQL5 runs against in JS: the MQL5 built-ins our include library uses, the
 * enum constants it names, and checks for the things MQL5 itself would stop on (array index out
 * of range, integer division by zero) or that would make the comparison meaningless (reading an
 * array element or struct field that was never set, integer overflow).
 */

/** MQL5 `EMPTY_VALUE` is DBL_MAX; `TL_NO_VALUE` is defined as it in Values.mqh. */
export const EMPTY_VALUE = Number.MAX_VALUE

/** Enum constants and their MQL5 values (mt5-semantics.md 2). */
export const MQL5_CONSTANTS = {
  EMPTY_VALUE,
  MODE_SMA: 0,
  MODE_EMA: 1,
  MODE_SMMA: 2,
  MODE_LWMA: 3,
  STO_LOWHIGH: 0,
  STO_CLOSECLOSE: 1,
} as const satisfies Readonly<Record<string, number>>

/** Built-in functions: return type, and how many arguments. */
export const MQL5_BUILTINS: Readonly<Record<string, { returns: string; arity: number }>> = {
  MathAbs: { returns: 'same', arity: 1 },
  MathMax: { returns: 'same', arity: 2 },
  MathMin: { returns: 'same', arity: 2 },
  MathSqrt: { returns: 'double', arity: 1 },
  MathCeil: { returns: 'double', arity: 1 },
  MathFloor: { returns: 'double', arity: 1 },
  MathLog: { returns: 'double', arity: 1 },
  MathIsValidNumber: { returns: 'bool', arity: 1 },
  ArrayResize: { returns: 'int', arity: 2 },
  ArrayInitialize: { returns: 'int', arity: 2 },
  ArraySize: { returns: 'int', arity: 1 },
}

function fail(message: string): never {
  throw new Error(`MQL5 evaluator: ${message}`)
}

const INT_MIN = -2147483648
const INT_MAX = 2147483647

/** An int result; MQL5 would wrap around silently, which no indicator here may rely on. */
function $int(x: number): number {
  if (!Number.isInteger(x) || x < INT_MIN || x > INT_MAX) fail(`int overflow: ${x}`)
  return x
}

export const mql5Runtime = {
  ...MQL5_CONSTANTS,
  MathAbs: Math.abs,
  MathMax: Math.max,
  MathMin: Math.min,
  MathSqrt: Math.sqrt,
  MathCeil: Math.ceil,
  MathFloor: Math.floor,
  MathLog: Math.log,
  MathIsValidNumber: (x: number) => Number.isFinite(x),
  /** Grows or shrinks a dynamic array; new slots are unset until written (MQL5 leaves garbage). */
  ArrayResize(array: unknown[], size: number): number {
    if (!Number.isInteger(size) || size < 0) fail(`ArrayResize to ${size}`)
    array.length = size
    return size
  },
  ArrayInitialize(array: unknown[], value: number): number {
    array.fill(value)
    return array.length
  },
  ArraySize: (array: unknown[]) => array.length,
  $int,
  /** double -> int conversion: MQL5 truncates toward zero. */
  $trunc: (x: number) => $int(Math.trunc(x)),
  /** int / int: truncating division, a critical error on zero as in MQL5. */
  $idiv(a: number, b: number): number {
    if (b === 0) fail('integer division by zero')
    return $int(Math.trunc(a / b))
  },
  $imod(a: number, b: number): number {
    if (b === 0) fail('integer modulo by zero')
    return a % b
  },
  /** Reads array[i]: out of range is a critical error in MQL5, unset means Init forgot it. */
  $at(array: readonly unknown[], i: number): unknown {
    if (!Number.isInteger(i) || i < 0 || i >= array.length)
      fail(`array index ${i} out of range 0..${array.length - 1}`)
    const value = array[i]
    if (value === undefined) fail(`array element ${i} read before it was written`)
    return value
  },
  /** Checks an index that is about to be written. */
  $ix(array: readonly unknown[], i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= array.length)
      fail(`array index ${i} out of range 0..${array.length - 1}`)
    return i
  },
  /** A struct instance whose fields start unset; reading an unset or unknown field throws. */
  $struct(name: string, fields: Record<string, unknown>): Record<string, unknown> {
    return new Proxy(fields, {
      get(target, key) {
        if (typeof key !== 'string') return undefined
        if (!(key in target)) fail(`${name} has no field ${key}`)
        const value = target[key]
        if (value === undefined) fail(`${name}.${key} read before it was set`)
        return value
      },
      set(target, key, value) {
        if (typeof key !== 'string' || !(key in target)) fail(`${name} has no field ${String(key)}`)
        target[key] = value
        return true
      },
    })
  },
}
