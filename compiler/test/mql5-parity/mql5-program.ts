import type { Node } from 'web-tree-sitter'
import type { Mql5Environment } from './mql5-environment'

/**
 * What the MQL5-subset translator knows about a program: its structs, functions and #defines,
 * collected before any body is translated so that calls and field accesses can be typed.
 *
 * Types are strings: 'int' | 'uint' | 'long' | 'ulong' | 'double' | 'bool' | 'string' | 'void' |
 * 'struct:<Name>' | 'class:<Name>' | '<type>[]'. `long` also stands for `datetime`, `int` for
 * enums. Typing matters because MQL5 has integers and JS does not: `7 / 2` is 3 in MQL5, an int
 * stored from a double is truncated, and both must be reproduced or the evaluator would not be
 * honest.
 */
export type Mql5Type = string

export interface FunctionSignature {
  readonly returns: Mql5Type
  readonly params: readonly { readonly name: string; readonly type: Mql5Type }[]
}

export interface Mql5Program {
  readonly structs: Map<string, Map<string, Mql5Type>>
  readonly functions: Map<string, FunctionSignature>
  readonly defines: Map<string, { readonly code: string; readonly type: Mql5Type }>
  /** Built-ins, constants, built-in structs and classes the program may use. */
  readonly env: Mql5Environment
  /** File-level variables declared so far (an Expert Advisor's; the indicator library has none). */
  readonly globals: Map<string, Mql5Type>
  /** `input`/`sinput` variables: read-only. */
  readonly inputs: Set<string>
}

/** An error that names the construct and where it is, for code outside the supported subset. */
export function unsupported(node: Node, what: string): Error {
  const { row, column } = node.startPosition
  return new Error(
    `MQL5 subset: ${what} at line ${row + 1}, column ${column + 1}: ${node.text.slice(0, 80)}`,
  )
}

/** The named, non-comment children of a node. */
export function kids(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment')
}

/** A required field of a node. */
export function field(node: Node, name: string): Node {
  const child = node.childForFieldName(name)
  if (!child) throw unsupported(node, `missing ${name}`)
  return child
}

/**
 * MQL5's integer types, by the translator's type. Narrower ones (`char`, `short`, ...) wrap at
 * other bounds and are not in the subset; `datetime` is a 64-bit count of seconds.
 */
const INT_TYPES: Readonly<Record<string, Mql5Type>> = {
  int: 'int',
  uint: 'uint',
  long: 'long',
  ulong: 'ulong',
  datetime: 'long',
}

/** The translator's type for a type node (`int`, `double`, `ENUM_MA_METHOD`, `TlSma`, ...). */
export function typeOf(node: Node, program: Mql5Program): Mql5Type {
  const name = node.text
  const integer = INT_TYPES[name]
  if (integer) return integer
  if (/^ENUM_[A-Z0-9_]+$/.test(name)) return 'int'
  if (name === 'double' || name === 'bool' || name === 'void' || name === 'string') return name
  if (program.structs.has(name)) return `struct:${name}`
  if (name in program.env.classes) return `class:${name}`
  throw unsupported(node, `type ${name}`)
}

export const isArray = (t: Mql5Type): boolean => t.endsWith('[]')
export const isStruct = (t: Mql5Type): boolean => t.startsWith('struct:')
export const isClass = (t: Mql5Type): boolean => t.startsWith('class:')
export const isInteger = (t: Mql5Type): boolean =>
  t === 'int' || t === 'uint' || t === 'long' || t === 'ulong'
export const isNumber = (t: Mql5Type): boolean => t === 'double' || isInteger(t)

/** What a declarator declares; `size` is the size node of a fixed-size array. */
export interface Declared {
  readonly name: string
  readonly array: boolean
  readonly reference: boolean
  readonly size?: Node
}

/**
 * The declared name behind a declarator, and whether it is an array or a reference:
 * `x`, `&s`, `&a[]`, `buf[]`; `buf[N]` only where `allowSize` says the caller handles it.
 */
export function declaratorOf(node: Node, allowSize = false): Declared {
  let current = node
  let array = false
  let reference = false
  let size: Node | undefined
  for (;;) {
    if (current.type === 'reference_declarator') {
      reference = true
      current = kids(current)[0]!
    } else if (current.type === 'array_declarator') {
      if (array) throw unsupported(current, 'multi-dimensional array')
      size = current.childForFieldName('size') ?? undefined
      if (size && !allowSize) throw unsupported(current, 'fixed-size array')
      array = true
      current = field(current, 'declarator')
    } else if (current.type === 'identifier' || current.type === 'field_identifier') {
      return { name: current.text, array, reference, size }
    } else {
      throw unsupported(current, `declarator ${current.type}`)
    }
  }
}

/** JS reserved words an MQL5 name could collide with; they get a `$` suffix. */
const RESERVED = new Set(
  'arguments await break case catch class const continue debugger default delete do else enum eval export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield undefined NaN Infinity'.split(
    ' ',
  ),
)

/** A JS-safe name for an MQL5 identifier. */
export function jsName(name: string): string {
  return RESERVED.has(name) || name.startsWith('$') ? `${name}$` : name
}
