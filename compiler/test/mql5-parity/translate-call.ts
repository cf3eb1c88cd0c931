import type { Node } from 'web-tree-sitter'
import type { Mql5Param, Mql5Signature } from './mql5-environment'
import {
  field,
  isArray,
  isClass,
  isNumber,
  isStruct,
  jsName,
  kids,
  unsupported,
} from './mql5-program'
import type { Mql5Type } from './mql5-program'
import type { Expr } from './mql5-types'
import { commonType, convert } from './mql5-types'
import type { ExprContext } from './translate-expression'
import { translateExpression } from './translate-expression'

interface Arg {
  readonly node: Node
  readonly expr: Expr
}

/** Types a variadic argument (Print, PrintFormat) may have: MQL5 prints these. */
const PRINTABLE = new Set(['int', 'uint', 'long', 'ulong', 'double', 'bool', 'string'])

/**
 * A call: one of the program's functions, a built-in of the environment, or a method of an
 * object whose class the environment provides (`trade.Buy(...)`). Arguments are converted to
 * the parameter types as MQL5 converts them; structs, arrays and objects go by reference.
 */
export function translateCall(node: Node, ctx: ExprContext): Expr {
  const callee = field(node, 'function')
  const args = kids(field(node, 'arguments')).map((a) => ({
    node: a,
    expr: translateExpression(a, ctx),
  }))
  if (callee.type === 'field_expression') return methodCall(callee, args, node, ctx)
  if (callee.type !== 'identifier') throw unsupported(node, 'call of a non-name')
  const name = callee.text
  const own = ctx.program.functions.get(name)
  const builtin = ctx.program.env.functions[name]
  if (own && builtin) throw unsupported(node, `${name} redefines a built-in`)
  if (builtin) {
    if (name === 'EnumToString') return enumToString(args, node)
    return builtinCall(name, name, builtin, args, node)
  }
  if (!own) throw unsupported(node, `unknown function ${name}`)
  if (own.params.length !== args.length)
    throw unsupported(node, `${name} with ${args.length} arguments`)
  const code = args.map(({ node: argNode, expr }, i) =>
    argument(expr, own.params[i]!.type, argNode),
  )
  return { code: `${jsName(name)}(${code.join(', ')})`, type: own.returns }
}

function methodCall(callee: Node, args: readonly Arg[], node: Node, ctx: ExprContext): Expr {
  if (callee.children.some((c) => c?.type === '->')) throw unsupported(callee, '->')
  const object = translateExpression(field(callee, 'argument'), ctx)
  const method = field(callee, 'field').text
  if (!isClass(object.type)) throw unsupported(node, `method call on ${object.type}`)
  const className = object.type.slice(6)
  const signatures = ctx.program.env.classes[className]?.[method]
  if (!signatures) throw unsupported(node, `unknown method ${className}::${method}`)
  return builtinCall(`${className}::${method}`, `${object.code}.${method}`, signatures, args, node)
}

/** `EnumToString` needs to know the enum, which a plain int has lost: only enum values qualify. */
function enumToString(args: readonly Arg[], node: Node): Expr {
  const value = args[0]?.expr
  if (args.length !== 1 || !value?.enumName)
    throw unsupported(node, 'EnumToString of something not known to be an enum value')
  return { code: `EnumToString(${JSON.stringify(value.enumName)}, ${value.code})`, type: 'string' }
}

function builtinCall(
  name: string,
  callee: string,
  signatures: readonly Mql5Signature[],
  args: readonly Arg[],
  node: Node,
): Expr {
  const candidates = signatures.filter((s) => matches(s, args))
  const types = args.map((a) => a.expr.type).join(', ')
  if (candidates.length === 0) throw unsupported(node, `${name}(${types})`)
  if (candidates.length > 1) throw unsupported(node, `ambiguous overload of ${name}(${types})`)
  const signature = candidates[0]!
  const code = args.map(({ node: argNode, expr }, i) => {
    const param = signature.params[i]
    if (param === undefined) {
      if (!PRINTABLE.has(expr.type)) throw unsupported(argNode, `printing a ${expr.type}`)
      return `[${JSON.stringify(expr.type)}, ${expr.code}]`
    }
    return param === 'number' || param === 'array' ? expr.code : argument(expr, param, argNode)
  })
  const returns =
    signature.returns === 'same'
      ? args.map((a) => a.expr.type).reduce((a, b) => commonType(a, b))
      : signature.returns
  return { code: `${callee}(${code.join(', ')})`, type: returns }
}

function matches(signature: Mql5Signature, args: readonly Arg[]): boolean {
  const { params } = signature
  if (args.length < params.length - (signature.optional ?? 0)) return false
  if (args.length > params.length && !signature.variadic) return false
  return params.every((p, i) => i >= args.length || accepts(p, args[i]!.expr.type))
}

/** Whether an argument of type `type` can be passed for `param` (converting numbers). */
function accepts(param: Mql5Param, type: Mql5Type): boolean {
  if (param === 'number') return isNumber(type)
  if (param === 'array') return isArray(type)
  if (isNumber(param)) return isNumber(type)
  return param === type
}

/** One argument for a parameter of type `param`: by reference or converted. */
function argument(expr: Expr, param: Mql5Type, node: Node): string {
  if (isArray(param) || isStruct(param) || isClass(param)) {
    if (expr.type !== param) throw unsupported(node, `${expr.type} passed as ${param}`)
    return expr.code // by reference: the same JS array or object
  }
  return convert(expr, param, node)
}
