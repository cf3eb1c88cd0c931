import type { Mql5Type } from './mql5-program'

/**
 * A parameter of a built-in: a translator type (the argument is converted to it as MQL5 converts
 * implicitly), `number` (any numeric argument, passed as it is: the overloaded Math* functions)
 * or `array` (any array, by reference).
 */
export type Mql5Param = Mql5Type | 'number' | 'array'

/** One signature of a built-in function or method. */
export interface Mql5Signature {
  /** `same`: the arguments' common numeric type (MathMax of two ints is an int). */
  readonly returns: Mql5Type | 'same'
  readonly params: readonly Mql5Param[]
  /** How many trailing params have MQL5 default arguments and may be left out. */
  readonly optional?: number
  /** Print-style: any number of further arguments of any printable type. */
  readonly variadic?: boolean
}

/** A constant or predefined variable: its type and, for enum values, the enum it belongs to. */
export interface Mql5Constant {
  readonly type: Mql5Type
  readonly enumName?: string
}

/**
 * What a translated program may use besides its own code: built-in functions (each with its
 * overloads), constants and predefined variables (`_Symbol`), built-in structs (`MqlRates`),
 * classes from standard includes (`CTrade`) and those includes. The translator types calls and
 * names against it; the JS values come from the runtime object the program is evaluated with.
 */
export interface Mql5Environment {
  readonly functions: Readonly<Record<string, readonly Mql5Signature[]>>
  readonly constants: Readonly<Record<string, Mql5Constant>>
  readonly structs: Readonly<Record<string, Readonly<Record<string, Mql5Type>>>>
  readonly classes: Readonly<Record<string, Readonly<Record<string, readonly Mql5Signature[]>>>>
  /** Standard includes whose contents the environment provides, e.g. `Trade\Trade.mqh`. */
  readonly includes: readonly string[]
}

/** One signature; `optional` trailing params may be left out. */
export function sig(
  returns: Mql5Signature['returns'],
  params: readonly Mql5Param[] = [],
  optional = 0,
): Mql5Signature[] {
  return [{ returns, params, optional }]
}

const INT: Mql5Constant = { type: 'int' }

/** The maths and array built-ins our include library's indicators use; nothing of the terminal. */
export const MATH_ENVIRONMENT: Mql5Environment = {
  functions: {
    MathAbs: sig('same', ['number']),
    MathMax: sig('same', ['number', 'number']),
    MathMin: sig('same', ['number', 'number']),
    MathSqrt: sig('double', ['double']),
    MathCeil: sig('double', ['double']),
    MathFloor: sig('double', ['double']),
    MathRound: sig('double', ['double']),
    MathLog: sig('double', ['double']),
    MathLog10: sig('double', ['double']),
    MathPow: sig('double', ['double', 'double']),
    MathIsValidNumber: sig('bool', ['double']),
    NormalizeDouble: sig('double', ['double', 'int']),
    ArrayResize: sig('int', ['array', 'int']),
    ArrayInitialize: sig('int', ['array', 'number']),
    ArraySize: sig('int', ['array']),
  },
  constants: {
    EMPTY_VALUE: { type: 'double' },
    MODE_SMA: INT,
    MODE_EMA: INT,
    MODE_SMMA: INT,
    MODE_LWMA: INT,
    STO_LOWHIGH: INT,
    STO_CLOSECLOSE: INT,
  },
  structs: {},
  classes: {},
  includes: [],
}

/** `base` plus `extra`; a name defined twice is a mistake in the environment and throws. */
export function extendEnvironment(
  base: Mql5Environment,
  extra: Partial<Mql5Environment>,
): Mql5Environment {
  const merge = <T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>> = {}) => {
    for (const name of Object.keys(b))
      if (name in a) throw new Error(`MQL5 environment: ${name} is defined twice`)
    return { ...a, ...b }
  }
  return {
    functions: merge(base.functions, extra.functions),
    constants: merge(base.constants, extra.constants),
    structs: merge(base.structs, extra.structs),
    classes: merge(base.classes, extra.classes),
    includes: [...base.includes, ...(extra.includes ?? [])],
  }
}
