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

function fail(message: string): never {
  throw new Error(`MQL5 evaluator: ${message}`)
}

const INT_MIN = -2147483648
const INT_MAX = 2147483647
const UINT_MAX = 4294967295

/** An int result; MQL5 would wrap around silently, which no code here may rely on. */
function $int(x: number): number {
  if (!Number.isInteger(x) || x < INT_MIN || x > INT_MAX) fail(`int overflow: ${x}`)
  return x
}

/**
 * A long result. JS numbers hold integers exactly only up to 2^53, so beyond that (far beyond
 * any tick count, time or ticket here) the evaluator stops rather than round.
 */
function $long(x: number): number {
  if (!Number.isSafeInteger(x)) fail(`long beyond the exact range: ${x}`)
  return x
}

/** Rounds half away from zero, as C's round() and MQL5's MathRound do (JS rounds half up). */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x)
}

/** Struct instances hand their unchecked field storage out under this key (struct copies). */
export const RAW = Symbol('raw struct fields')

export const mql5Runtime = {
  ...MQL5_CONSTANTS,
  MathAbs: Math.abs,
  MathMax: Math.max,
  MathMin: Math.min,
  MathSqrt: Math.sqrt,
  MathCeil: Math.ceil,
  MathFloor: Math.floor,
  MathLog: Math.log,
  MathLog10: Math.log10,
  MathPow: Math.pow,
  MathRound: roundHalfAway,
  MathIsValidNumber: (x: number) => Number.isFinite(x),
  /**
   * Rounds to `digits` decimals: the nearest double to x·10^d rounded half away from zero, over
   * 10^d. This is the runtime's roundTo for positive prices; MetaQuotes does not publish theirs.
   */
  NormalizeDouble(x: number, digits: number): number {
    if (!Number.isInteger(digits) || digits < 0 || digits > 8)
      fail(`NormalizeDouble digits ${digits}`)
    const factor = 10 ** digits
    return roundHalfAway(x * factor) / factor
  },
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
  $uint(x: number): number {
    if (!Number.isInteger(x) || x < 0 || x > UINT_MAX) fail(`uint out of range: ${x}`)
    return x
  },
  $long,
  $ulong(x: number): number {
    if (!Number.isSafeInteger(x) || x < 0) fail(`ulong out of range or beyond 2^53: ${x}`)
    return x
  },
  /** A signed operand converted to unsigned: MQL5 wraps a negative one around; we stop. */
  $u(x: number): number {
    if (x < 0) fail(`negative value ${x} converted to an unsigned type`)
    return x
  },
  $RAW: RAW,
  /** A fixed-size array: `make` constructs each struct slot; other slots stay unset. */
  $fixedArray(size: number, make: (() => unknown) | null): unknown[] {
    if (!Number.isInteger(size) || size <= 0) fail(`fixed array of size ${size}`)
    return Array.from({ length: size }, () => (make ? make() : undefined))
  },
  /** double -> int conversion: MQL5 truncates toward zero. */
  $trunc: (x: number) => $int(Math.trunc(x)),
  /**
   * Integer division: truncating, a critical error on zero as in MQL5. The caller checks the
   * result's range for its type; the quotient of integers below 2^53 truncates exactly here.
   */
  $idiv(a: number, b: number): number {
    if (b === 0) fail('integer division by zero')
    return Math.trunc(a / b)
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
        if (key === RAW) return target
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
