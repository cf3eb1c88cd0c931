import type { Node } from 'web-tree-sitter'

/**
 * What the MQL5-subset translator knows about a program: its structs, functions and #defines,
 * collected before any body is translated so that calls and field accesses can be typed.
 *
 * Types are strings: 'int' | 'double' | 'bool' | 'void' | 'struct:<Name>' | 'int[]' | 'double[]'.
 * Typing matters because MQL5 has integers and JS does not: `7 / 2` is 3 in MQL5, an int stored
 * from a double is truncated, and both must be reproduced or the evaluator would not be honest.
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

const INT_TYPES = new Set([
  'int',
  'uint',
  'long',
  'ulong',
  'short',
  'ushort',
  'char',
  'uchar',
  'datetime',
])

/** The translator's type for a type node (`int`, `double`, `ENUM_MA_METHOD`, `TlSma`, ...). */
export function typeOf(node: Node, program: Mql5Program): Mql5Type {
  const name = node.text
  if (INT_TYPES.has(name) || /^ENUM_[A-Z0-9_]+$/.test(name)) return 'int'
  if (name === 'double' || name === 'bool' || name === 'void') return name
  if (program.structs.has(name)) return `struct:${name}`
  throw unsupported(node, `type ${name}`)
}

export const isArray = (t: Mql5Type): boolean => t.endsWith('[]')
export const isStruct = (t: Mql5Type): boolean => t.startsWith('struct:')
export const isNumber = (t: Mql5Type): boolean => t === 'int' || t === 'double'

/**
 * The declared name behind a declarator, and whether it is an array or a reference:
 * `x`, `&s`, `&a[]`, `buf[]`.
 */
export function declaratorOf(node: Node): { name: string; array: boolean; reference: boolean } {
  let current = node
  let array = false
  let reference = false
  for (;;) {
    if (current.type === 'reference_declarator') {
      reference = true
      current = kids(current)[0]!
    } else if (current.type === 'array_declarator') {
      if (current.childForFieldName('size')) throw unsupported(current, 'fixed-size array')
      array = true
      current = field(current, 'declarator')
    } else if (current.type === 'identifier' || current.type === 'field_identifier') {
      return { name: current.text, array, reference }
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
