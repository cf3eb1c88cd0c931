import type { Node } from 'web-tree-sitter'
import type { Mql5Type } from './mql5-program'
import { isInteger, unsupported } from './mql5-program'

/** A translated expression: JS code, the MQL5 type it has and, for enum values, their enum. */
export interface Expr {
  readonly code: string
  readonly type: Mql5Type
  readonly enumName?: string
}

/**
 * The runtime check each integer type's values pass through (mql5-runtime.ts): a value outside
 * the type's range is where MQL5 would wrap around silently, which no code here may rely on, so
 * the evaluator stops instead of guessing.
 */
const CHECK: Readonly<Record<string, string>> = {
  int: '$int',
  uint: '$uint',
  long: '$long',
  ulong: '$ulong',
}

const RANK: Readonly<Record<string, number>> = { int: 0, uint: 1, long: 2, ulong: 3 }

export const isUnsigned = (t: Mql5Type): boolean => t === 'uint' || t === 'ulong'

/**
 * C's usual arithmetic conversions over the subset's numeric types: a double wins; otherwise
 * the higher-ranked integer (int < uint < long < ulong; a long holds every uint).
 */
export function commonType(a: Mql5Type, b: Mql5Type): Mql5Type {
  if (a === 'double' || b === 'double') return 'double'
  return RANK[a]! >= RANK[b]! ? a : b
}

/**
 * An operand as C converts it to `common`: a signed integer becomes unsigned, which MQL5 does
 * by wrapping a negative value around; `$u` refuses negative values instead.
 */
export function operand(expr: Expr, common: Mql5Type): string {
  if (isUnsigned(common) && isInteger(expr.type) && !isUnsigned(expr.type))
    return `$u(${expr.code})`
  return expr.code
}

/** The range check of integer type `type` around `code`. */
export function checked(type: Mql5Type, code: string): string {
  return `${CHECK[type]!}(${code})`
}

/**
 * Converts for storage into `target` as MQL5 does implicitly: double -> integer truncates, an
 * integer is range-checked into a narrower or unsigned type. Anything else must already match.
 */
export function convert(expr: Expr, target: Mql5Type, node: Node): string {
  if (expr.type === target) return expr.code
  if (isInteger(target)) {
    if (expr.type === 'double')
      return target === 'int' ? `$trunc(${expr.code})` : checked(target, `Math.trunc(${expr.code})`)
    if (isInteger(expr.type)) {
      // Widening a signed type to a signed one, or uint into long, cannot leave the range.
      const widening = RANK[target]! > RANK[expr.type]! && !isUnsigned(target)
      return widening ? expr.code : checked(target, expr.code)
    }
  }
  if (target === 'double' && isInteger(expr.type)) return expr.code // exact below 2^53 ($long)
  throw unsupported(node, `implicit conversion from ${expr.type} to ${target}`)
}

/** The type of an integer literal: int when it fits, else long (C's rule). */
export function integerLiteralType(text: string): Mql5Type {
  const value = Number(text)
  return value >= -2147483648 && value <= 2147483647 ? 'int' : 'long'
}
