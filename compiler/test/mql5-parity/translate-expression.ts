import type { Node } from 'web-tree-sitter'
import type { Mql5Program, Mql5Type } from './mql5-program'
import {
  field,
  isArray,
  isNumber,
  isStruct,
  jsName,
  kids,
  typeOf,
  unsupported,
} from './mql5-program'
import { MQL5_BUILTINS, MQL5_CONSTANTS } from './mql5-runtime'

/** A translated expression: JS code and the MQL5 type it has. */
export interface Expr {
  readonly code: string
  readonly type: Mql5Type
}

/** Variables in scope, innermost last. */
export type Scope = Map<string, Mql5Type>[]

export interface ExprContext {
  readonly program: Mql5Program
  readonly scope: Scope
}

/** Converts for storage into `target` as MQL5 does implicitly: double -> int truncates. */
export function convert(expr: Expr, target: Mql5Type, node: Node): string {
  if (expr.type === target) return expr.code
  if (target === 'int' && expr.type === 'double') return `$trunc(${expr.code})`
  if (target === 'double' && expr.type === 'int') return expr.code // exact in binary64
  throw unsupported(node, `implicit conversion from ${expr.type} to ${target}`)
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
  if (name in MQL5_CONSTANTS) return { code: name, type: name === 'EMPTY_VALUE' ? 'double' : 'int' }
  throw unsupported(node, `unknown identifier ${name}`)
}

/** Storage a value can be written to: `code` writes (index checked), `read` reads it back. */
interface Lvalue extends Expr {
  readonly read: string
}

/** An expression that names storage: a variable, a struct field or an array element. */
function translateLvalue(node: Node, ctx: ExprContext): Lvalue {
  if (node.type === 'identifier' || node.type === 'field_expression') {
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
  if (index.type !== 'int') throw unsupported(node, `index of type ${index.type}`)
  return { array, index: index.code }
}

function arithmetic(op: string, left: Expr, right: Expr, node: Node): Expr {
  if (!isNumber(left.type) || !isNumber(right.type))
    throw unsupported(node, `${op} on ${left.type}, ${right.type}`)
  if (left.type === 'int' && right.type === 'int') {
    if (op === '/') return { code: `$idiv(${left.code}, ${right.code})`, type: 'int' }
    if (op === '%') return { code: `$imod(${left.code}, ${right.code})`, type: 'int' }
    return { code: `$int(${left.code} ${op} ${right.code})`, type: 'int' }
  }
  if (op === '%') throw unsupported(node, '% on doubles')
  return { code: `(${left.code} ${op} ${right.code})`, type: 'double' }
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
    const comparable =
      (isNumber(left.type) && isNumber(right.type)) ||
      (left.type === 'bool' && right.type === 'bool')
    if (!comparable) throw unsupported(node, `${op} on ${left.type}, ${right.type}`)
    return { code: `(${left.code} ${comparison} ${right.code})`, type: 'bool' }
  }
  if (['+', '-', '*', '/', '%'].includes(op)) return arithmetic(op, left, right, node)
  throw unsupported(node, `operator ${op}`)
}

function call(node: Node, ctx: ExprContext): Expr {
  const callee = field(node, 'function')
  if (callee.type !== 'identifier') throw unsupported(node, 'call of a non-name')
  const name = callee.text
  const args = kids(field(node, 'arguments')).map((a) => ({
    node: a,
    expr: translateExpression(a, ctx),
  }))
  const builtin = MQL5_BUILTINS[name]
  if (builtin) {
    if (args.length !== builtin.arity)
      throw unsupported(node, `${name} with ${args.length} arguments`)
    const returns =
      builtin.returns === 'same'
        ? args.every((a) => a.expr.type === 'int')
          ? 'int'
          : 'double'
        : builtin.returns
    return { code: `${name}(${args.map((a) => a.expr.code).join(', ')})`, type: returns }
  }
  const signature = ctx.program.functions.get(name)
  if (!signature) throw unsupported(node, `unknown function ${name}`)
  if (signature.params.length !== args.length)
    throw unsupported(node, `${name} with ${args.length} arguments`)
  const code = args.map(({ node: argNode, expr }, i) => {
    const param = signature.params[i]!
    if (isArray(param.type) || isStruct(param.type)) {
      if (expr.type !== param.type)
        throw unsupported(argNode, `${expr.type} passed as ${param.type}`)
      return expr.code // by reference: the same JS array or object
    }
    return convert(expr, param.type, argNode)
  })
  return { code: `${jsName(name)}(${code.join(', ')})`, type: signature.returns }
}

function assignment(node: Node, ctx: ExprContext): Expr {
  const op = field(node, 'operator').type
  const target = translateLvalue(field(node, 'left'), ctx)
  const value = translateExpression(field(node, 'right'), ctx)
  if (!isNumber(target.type) && target.type !== 'bool')
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

function update(node: Node, ctx: ExprContext): Expr {
  const argument = field(node, 'argument')
  const target = translateLvalue(argument, ctx)
  if (target.type !== 'int') throw unsupported(node, `++/-- on ${target.type}`)
  if (!isPure(argument)) throw unsupported(node, '++/-- on an impure target')
  const op = field(node, 'operator').type
  const prefix = node.children[0]?.type === op
  // Counters here stay far below 2^31; $int still guards the stored value.
  const next = `${target.code} = $int(${target.read} ${op === '++' ? '+' : '-'} 1)`
  return prefix
    ? { code: `(${next})`, type: 'int' }
    : { code: `((${next}) ${op === '++' ? '-' : '+'} 1)`, type: 'int' }
}

/** Translates one expression of the supported subset, or throws naming what is not supported. */
export function translateExpression(node: Node, ctx: ExprContext): Expr {
  switch (node.type) {
    case 'number_literal': {
      const text = node.text
      if (!/^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
        throw unsupported(node, 'number literal')
      return { code: text, type: /^\d+$/.test(text) ? 'int' : 'double' }
    }
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
      return { code: `(${inner.code})`, type: inner.type }
    }
    case 'binary_expression':
      return binary(node, ctx)
    case 'unary_expression': {
      const op = field(node, 'operator').type
      const arg = translateExpression(field(node, 'argument'), ctx)
      if (op === '!' && arg.type === 'bool') return { code: `(!${arg.code})`, type: 'bool' }
      if (op === '-' && isNumber(arg.type)) return { code: `(-${arg.code})`, type: arg.type }
      throw unsupported(node, `unary ${op} on ${arg.type}`)
    }
    case 'conditional_expression': {
      const test = condition(field(node, 'condition'), ctx)
      const yes = translateExpression(field(node, 'consequence'), ctx)
      const no = translateExpression(field(node, 'alternative'), ctx)
      const type =
        yes.type === no.type ? yes.type : isNumber(yes.type) && isNumber(no.type) ? 'double' : ''
      if (!type) throw unsupported(node, `?: with ${yes.type} and ${no.type}`)
      return { code: `(${test} ? ${yes.code} : ${no.code})`, type }
    }
    case 'cast_expression': {
      const to = typeOf(field(field(node, 'type'), 'type'), ctx.program)
      const value = translateExpression(field(node, 'value'), ctx)
      if (!isNumber(to) || !isNumber(value.type)) throw unsupported(node, `cast to ${to}`)
      return {
        code: to === 'int' && value.type === 'double' ? `$trunc(${value.code})` : value.code,
        type: to,
      }
    }
    case 'call_expression':
      return call(node, ctx)
    case 'assignment_expression':
      return assignment(node, ctx)
    case 'update_expression':
      return update(node, ctx)
    default:
      throw unsupported(node, `expression ${node.type}`)
  }
}
