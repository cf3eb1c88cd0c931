import type { Node } from 'web-tree-sitter'
import type { Mql5Program, Mql5Type } from './mql5-program'
import {
  declaratorOf,
  field,
  isArray,
  isClass,
  isInteger,
  isStruct,
  jsName,
  typeOf,
  unsupported,
} from './mql5-program'
import { convert } from './mql5-types'
import { translateExpression } from './translate-expression'

/**
 * The JS of a struct type: `$new_X()` makes an instance whose scalar fields start unset (reading
 * one before writing it throws, where MQL5 would read garbage), nested structs included; and,
 * for structs without arrays, `$assign_X(dst, src)`, MQL5's copy by value, which copies into the
 * existing `dst` so that references to it (a by-reference parameter, an array slot) stay valid.
 * Unset fields are copied as unset (`$RAW` bypasses the read check), as MQL5 copies garbage.
 */
export function structCode(name: string, fields: ReadonlyMap<string, Mql5Type>): string {
  const init = [...fields].map(([f, type]) => {
    const value = isArray(type) ? '[]' : isStruct(type) ? `$new_${type.slice(7)}()` : 'undefined'
    return `${jsName(f)}: ${value}`
  })
  const factory = `function $new_${name}() { return $struct(${JSON.stringify(name)}, { ${init.join(', ')} }); }`
  if ([...fields.values()].some(isArray)) return factory
  const copies = [...fields].map(([f, type]) =>
    isStruct(type)
      ? `$assign_${type.slice(7)}(d.${jsName(f)}, s.${jsName(f)});`
      : `d.${jsName(f)} = s.${jsName(f)};`,
  )
  return `${factory}\nfunction $assign_${name}(dst, src) { const d = dst[$RAW], s = src[$RAW]; ${copies.join(' ')} return dst; }`
}

/** True when `line` starts with MQL5's `input` or `sinput` keyword. */
function isInputLine(line: string | undefined): boolean {
  return /^\s*s?input\s/.test(line ?? '')
}

/**
 * A file-level declaration of an Expert Advisor, in source order (MQL5 wants a global declared
 * before it is used). `input`/`sinput` variables (the syntax check's rewrite blanked the keyword,
 * so `originalLines` are the lines before it) become constants whose value the test may override like
 * the tester's inputs dialog; other scalars need an initialiser; structs and class objects are
 * constructed; fixed-size arrays get their slots (struct slots constructed, others unset).
 */
export function globalDeclaration(
  node: Node,
  program: Mql5Program,
  originalLines: readonly string[],
): string[] {
  const type = typeOf(field(node, 'type'), program)
  const input = isInputLine(originalLines[node.startPosition.row])
  const ctx = { program, scope: [program.globals] }
  return node.childrenForFieldName('declarator').map((d) => {
    if (!d) throw unsupported(node, 'declaration')
    const initialised = d.type === 'init_declarator'
    const target = initialised ? field(d, 'declarator') : d
    const { name, array, reference, size } = declaratorOf(target, true)
    if (reference) throw unsupported(d, 'global reference')
    if (program.globals.has(name) || program.functions.has(name))
      throw unsupported(d, `second declaration of ${name}`)
    if (input && (array || isStruct(type) || isClass(type)))
      throw unsupported(d, `input of type ${type}`)
    if ((array || isStruct(type) || isClass(type)) && initialised)
      throw unsupported(d, `initialiser of a ${array ? 'global array' : type}`)
    let code: string
    if (array) {
      code = size ? `$fixedArray(${arraySize(size, ctx)}, ${slot(type, d)})` : '[]'
    } else if (isStruct(type) || isClass(type)) {
      code = `$new_${type.slice(type.indexOf(':') + 1)}()`
    } else {
      if (!initialised) throw unsupported(d, `global ${name} without an initialiser`)
      code = convert(translateExpression(field(d, 'value'), ctx), type, d)
      if (input) code = `$input(${JSON.stringify(name)}, ${JSON.stringify(type)}, ${code})`
    }
    program.globals.set(name, array ? `${type}[]` : type)
    if (input) program.inputs.add(name)
    return `${input ? 'const' : 'let'} ${jsName(name)} = ${code};`
  })
}

/** What a new slot of a fixed-size array holds: a constructed struct, or nothing yet. */
function slot(type: Mql5Type, node: Node): string {
  if (isStruct(type)) return `$new_${type.slice(7)}`
  if (isClass(type)) throw unsupported(node, `array of ${type}`)
  return 'null'
}

/** A fixed array's size: an integer literal or #define. */
function arraySize(size: Node, ctx: Parameters<typeof translateExpression>[1]): string {
  const literal = size.type === 'number_literal'
  if (!literal && !(size.type === 'identifier' && ctx.program.defines.has(size.text)))
    throw unsupported(size, 'array size that is not a literal or #define')
  const expr = translateExpression(size, ctx)
  if (!isInteger(expr.type)) throw unsupported(size, `array size of type ${expr.type}`)
  return expr.code
}
