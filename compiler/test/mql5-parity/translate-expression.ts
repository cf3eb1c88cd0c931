import type { Node } from 'web-tree-sitter'
import type { Mql5Program, Mql5Type } from './mql5-program'
import {
  field,
  isArray,
  isInteger,
  isNumber,
  isStruct,
  jsName,
  kids,
  typeOf,
  unsupported,
} from './mql5-program'
import type { Expr } from './mql5-types'
import { checked, commonType, convert, integerLiteralType, isUnsigned, operand } from './mql5-types'
import { translateCall } from './translate-call'
import { translateString } from './translate-string'

export type { Expr } from './mql5-types'

/** Variables in scope, innermost last (an Expert Advisor's globals at the bottom). */
export type Scope = Map<string, Mql5Type>[]

export interface ExprContext {
  readonly program: Mql5Program
  readonly scope: Scope
}

/** A condition must be a bool: `if(x)` on a number has C's NaN rules, which JS does not share. */
export function condition(node: Node, ctx: ExprContext): string {
  const expr = translateExpression(node, ctx)
  if (expr.type !== 'bool') throw unsupported(node, `condition of type ${expr.type}`)
  return expr.code
}

function lookup(name: string, node: Node, ctx: ExprContext): Expr {
  for (let i = ctx.scope.length - 1; i >= 0; i--) {
    const type = ctx.scope[i]!.get(name)
    if (type !== undefined) return { code: jsName(name), type }
  }
  const define = ctx.program.defines.get(name)
  if (define) return define
  const constant = ctx.program.env.constants[name]
  if (constant) return { code: name, type: constant.type, enumName: constant.enumName }
  throw unsupported(node, `unknown identifier ${name}`)
}

/** Storage a value can be written to: `code` writes (index checked), `read` reads it back. */
interface Lvalue extends Expr {
  readonly read: string
}

/** An expression that names storage: a variable, a struct field or an array element. */
function translateLvalue(node: Node, ctx: ExprContext): Lvalue {
  if (node.type === 'identifier' || node.type === 'field_expression') {
    if (node.type === 'identifier' && ctx.program.inputs.has(node.text))
      throw unsupported(node, `assignment to input ${node.text}`)
    const expr =
      node.type === 'identifier' ? lookup(node.text, node, ctx) : translateField(node, ctx)
    return { ...expr, read: expr.code }
  }
  if (node.type === 'subscript_expression') {
    const { array, index } = subscript(node, ctx)
    const type = array.type.slice(0, -2)
    return {
      code: `${array.code}[$ix(${array.code}, ${index})]`,
      read: `$at(${array.code}, ${index})`,
      type,
    }
  }
  throw unsupported(node, `assignment target ${node.type}`)
}

/** True when evaluating `node` twice is the same as once: no calls, assignments or ++/--. */
function isPure(node: Node): boolean {
  if (['call_expression', 'assignment_expression', 'update_expression'].includes(node.type))
    return false
  return kids(node).every(isPure)
}

function translateField(node: Node, ctx: ExprContext): Expr {
  if (node.children.some((c) => c?.type === '->')) throw unsupported(node, '->')
  const object = translateExpression(field(node, 'argument'), ctx)
  const name = field(node, 'field').text
  const fields = isStruct(object.type) ? ctx.program.structs.get(object.type.slice(7)) : undefined
  const type = fields?.get(name)
  if (type === undefined) throw unsupported(node, `field ${name} of ${object.type}`)
  return { code: `${object.code}.${jsName(name)}`, type }
}

function subscript(node: Node, ctx: ExprContext): { array: Expr; index: string } {
  const array = translateExpression(field(node, 'argument'), ctx)
  const indices = kids(field(node, 'indices'))
  if (!isArray(array.type) || indices.length !== 1) throw unsupported(node, 'subscript')
  const index = translateExpression(indices[0]!, ctx)
  if (!isInteger(index.type)) throw unsupported(node, `index of type ${index.type}`)
  return { array, index: index.code }
}

function arithmetic(op: string, left: Expr, right: Expr, node: Node): Expr {
  if (op === '+' && left.type === 'string' && right.type === 'string')
    return { code: `(${left.code} + ${right.code})`, type: 'string' }
  if (!isNumber(left.type) || !isNumber(right.type))
    throw unsupported(node, `${op} on ${left.type}, ${right.type}`)
  const type = commonType(left.type, right.type)
  if (type === 'double') {
    if (op === '%') throw unsupported(node, '% on doubles')
    return { code: `(${left.code} ${op} ${right.code})`, type }
  }
  const a = operand(left, type)
  const b = operand(right, type)
  if (op === '/') return { code: checked(type, `$idiv(${a}, ${b})`), type }
  if (op === '%') return { code: checked(type, `$imod(${a}, ${b})`), type }
  return { code: checked(type, `${a} ${op} ${b}`), type }
}

const COMPARISONS: Readonly<Record<string, string>> = {
  '<': '<',
  '>': '>',
  '<=': '<=',
  '>=': '>=',
  '==': '===',
  '!=': '!==',
}

function binary(node: Node, ctx: ExprContext): Expr {
  const op = field(node, 'operator').type
  const left = translateExpression(field(node, 'left'), ctx)
  const right = translateExpression(field(node, 'right'), ctx)
  if (op === '&&' || op === '||') {
    if (left.type !== 'bool' || right.type !== 'bool') throw unsupported(node, `${op} on numbers`)
    return { code: `(${left.code} ${op} ${right.code})`, type: 'bool' }
  }
  const comparison = COMPARISONS[op]
  if (comparison) {
    if (isNumber(left.type) && isNumber(right.type)) {
      const common = commonType(left.type, right.type)
      return {
        code: `(${operand(left, common)} ${comparison} ${operand(right, common)})`,
        type: 'bool',
      }
    }
    const equality = op === '==' || op === '!='
    const same = left.type === right.type && (left.type === 'bool' || left.type === 'string')
    if (!same || !equality) throw unsupported(node, `${op} on ${left.type}, ${right.type}`)
    return { code: `(${left.code} ${comparison} ${right.code})`, type: 'bool' }
  }
  if (['+', '-', '*', '/', '%'].includes(op)) return arithmetic(op, left, right, node)
  throw unsupported(node, `operator ${op}`)
}

function assignment(node: Node, ctx: ExprContext): Expr {
  const op = field(node, 'operator').type
  const target = translateLvalue(field(node, 'left'), ctx)
  const value = translateExpression(field(node, 'right'), ctx)
  if (isStruct(target.type)) return structAssignment(op, target, value, node, ctx)
  if (!isNumber(target.type) && target.type !== 'bool' && target.type !== 'string')
    throw unsupported(node, `assignment to ${target.type}`)
  if (op === '=')
    return { code: `(${target.code} = ${convert(value, target.type, node)})`, type: target.type }
  const arithmeticOp = op.slice(0, -1)
  if (!['+', '-', '*', '/', '%'].includes(arithmeticOp) || op.length !== 2)
    throw unsupported(node, `operator ${op}`)
  // `a op= b` is `a = (type of a)(a op b)`; the target is evaluated twice, so it must be pure.
  if (!isPure(field(node, 'left')))
    throw unsupported(node, 'compound assignment to an impure target')
  const result = arithmetic(arithmeticOp, { code: target.read, type: target.type }, value, node)
  return { code: `(${target.code} = ${convert(result, target.type, node)})`, type: target.type }
}

/**
 * `a = b` on structs copies b's fields into a's storage (MQL5 structs are values). Copying into
 * the existing object keeps references intact: a struct passed by reference, an array slot.
 * Structs holding arrays are left out of the subset.
 */
function structAssignment(op: string, target: Lvalue, value: Expr, node: Node, ctx: ExprContext) {
  if (op !== '=' || value.type !== target.type)
    throw unsupported(node, `${op} from ${value.type} to ${target.type}`)
  const name = target.type.slice(7)
  if (hasArrays(name, ctx)) throw unsupported(node, `assignment of ${name}, which holds arrays`)
  return { code: `$assign_${name}(${target.read}, ${value.code})`, type: target.type }
}

function hasArrays(struct: string, ctx: ExprContext): boolean {
  const fields = [...ctx.program.structs.get(struct)!.values()]
  return fields.some((t) => isArray(t) || (isStruct(t) && hasArrays(t.slice(7), ctx)))
}

function update(node: Node, ctx: ExprContext): Expr {
  const argument = field(node, 'argument')
  const target = translateLvalue(argument, ctx)
  if (!isInteger(target.type)) throw unsupported(node, `++/-- on ${target.type}`)
  if (!isPure(argument)) throw unsupported(node, '++/-- on an impure target')
  const op = field(node, 'operator').type
  const prefix = node.children[0]?.type === op
  // The type's range check guards the stored value.
  const next = `${target.code} = ${checked(target.type, `${target.read} ${op === '++' ? '+' : '-'} 1`)}`
  const type = target.type
  return prefix
    ? { code: `(${next})`, type }
    : { code: `((${next}) ${op === '++' ? '-' : '+'} 1)`, type }
}

/** Translates one expression of the supported subset, or throws naming what is not supported. */
export function translateExpression(node: Node, ctx: ExprContext): Expr {
  switch (node.type) {
    case 'number_literal': {
      const text = node.text
      // tree-sitter folds the sign into the literal in some positions (`? 1 : -1`).
      if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
        throw unsupported(node, 'number literal')
      const integer = /^-?\d+$/.test(text)
      return { code: `(${text})`, type: integer ? integerLiteralType(text) : 'double' }
    }
    case 'string_literal':
    case 'concatenated_string':
      return { code: JSON.stringify(translateString(node)), type: 'string' }
    case 'true':
    case 'false':
      return { code: node.type, type: 'bool' }
    case 'identifier':
      return lookup(node.text, node, ctx)
    case 'field_expression':
      return translateField(node, ctx)
    case 'subscript_expression': {
      const { array, index } = subscript(node, ctx)
      return { code: `$at(${array.code}, ${index})`, type: array.type.slice(0, -2) }
    }
    case 'parenthesized_expression': {
      const inner = translateExpression(kids(node)[0]!, ctx)
      return { ...inner, code: `(${inner.code})` }
    }
    case 'binary_expression':
      return binary(node, ctx)
    case 'unary_expression': {
      const op = field(node, 'operator').type
      const arg = translateExpression(field(node, 'argument'), ctx)
      if (op === '!' && arg.type === 'bool') return { code: `(!${arg.code})`, type: 'bool' }
      if (op === '-' && isNumber(arg.type) && !isUnsigned(arg.type))
        return { code: `(-${arg.code})`, type: arg.type }
      throw unsupported(node, `unary ${op} on ${arg.type}`)
    }
    case 'conditional_expression': {
      const test = condition(field(node, 'condition'), ctx)
      const yes = translateExpression(field(node, 'consequence'), ctx)
      const no = translateExpression(field(node, 'alternative'), ctx)
      if (isNumber(yes.type) && isNumber(no.type)) {
        const type = commonType(yes.type, no.type)
        return { code: `(${test} ? ${operand(yes, type)} : ${operand(no, type)})`, type }
      }
      if (yes.type !== no.type || (yes.type !== 'bool' && yes.type !== 'string'))
        throw unsupported(node, `?: with ${yes.type} and ${no.type}`)
      return { code: `(${test} ? ${yes.code} : ${no.code})`, type: yes.type }
    }
    case 'cast_expression': {
      const typeNode = field(field(node, 'type'), 'type')
      const to = typeOf(typeNode, ctx.program)
      const value = translateExpression(field(node, 'value'), ctx)
      if (!isNumber(to) || !isNumber(value.type)) throw unsupported(node, `cast to ${to}`)
      // An explicit cast converts as an implicit one does; both refuse to wrap around.
      const enumName = /^ENUM_[A-Z0-9_]+$/.test(typeNode.text) ? typeNode.text : undefined
      return { code: convert(value, to, node), type: to, enumName }
    }
    case 'call_expression':
      return translateCall(node, ctx)
    case 'assignment_expression':
      return assignment(node, ctx)
    case 'update_expression':
      return update(node, ctx)
    default:
      throw unsupported(node, `expression ${node.type}`)
  }
}
