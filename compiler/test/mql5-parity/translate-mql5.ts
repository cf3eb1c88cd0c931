import type { Node, Tree } from 'web-tree-sitter'
import type { Mql5Environment } from './mql5-environment'
import { MATH_ENVIRONMENT } from './mql5-environment'
import type { FunctionSignature, Mql5Program, Mql5Type } from './mql5-program'
import {
  declaratorOf,
  field,
  isClass,
  isInteger,
  isStruct,
  jsName,
  kids,
  typeOf,
  unsupported,
} from './mql5-program'
import { convert } from './mql5-types'
import type { ExprContext, Scope } from './translate-expression'
import { condition, translateExpression } from './translate-expression'
import { globalDeclaration, structCode } from './translate-globals'

/** How to translate: what the code may call, and whether it is a whole Expert Advisor. */
export interface TranslateOptions {
  /** Built-ins, constants, built-in structs and classes; default: the indicators' maths. */
  readonly env?: Mql5Environment
  /**
   * A whole Expert Advisor (one tree, our include library inlined): file-level variables,
   * `input`s, `#property` lines and the environment's standard includes are allowed. `original`
   * is the source before the syntax check's rewrite, which blanked the `input` keywords.
   */
  readonly expert?: { readonly original: string }
}

/**
 * A mechanical translation of the conservative MQL5 subset our include library and generated
 * EAs are written in (plain structs, functions, dynamic arrays, arithmetic, if/for/while/switch,
 * the environment's built-ins) into JS, statement for statement and operator for operator, so
 * that the parity tests run the SAME code MetaTrader will compile. Anything outside the subset
 * throws, naming the construct: the translator must never guess.
 *
 * MQL5 semantics it keeps: integer arithmetic (int, uint, long, ulong: truncating division,
 * conversion on storage; values a type cannot hold throw where MQL5 would wrap around), structs
 * copied by value on assignment, structs, arrays and objects passed by reference, IEEE-754
 * doubles. Evaluation order of the operands of one operator is unspecified in C++; our MQL5 never
 * gives two operands side effects.
 */
export function translateMql5(trees: readonly Tree[], options: TranslateOptions = {}): string {
  const env = options.env ?? MATH_ENVIRONMENT
  const program: Mql5Program = {
    structs: new Map(Object.entries(env.structs).map(([n, f]) => [n, new Map(Object.entries(f))])),
    functions: new Map(),
    defines: new Map(),
    env,
    globals: new Map(),
    inputs: new Set(),
  }
  const expert = options.expert
  if (expert && trees.length !== 1) throw new Error('MQL5 subset: an Expert Advisor is one file')
  const tops = trees.flatMap((tree) => topLevel(tree.rootNode, program, expert !== undefined))
  const lines = expert?.original.split('\n') ?? []
  for (const node of tops) if (node.type === 'struct_specifier') declareStruct(node, program)
  for (const node of tops) if (node.type === 'function_definition') declareFunction(node, program)
  const out = [...program.structs].map(([name, fields]) =>
    name in env.structs ? structCode(name, fields) : '',
  )
  for (const node of tops) {
    if (node.type === 'preproc_def') out.push(...define(node, program))
    else if (node.type === 'struct_specifier') out.push(structFactory(node, program))
    else if (node.type === 'declaration') out.push(...globalDeclaration(node, program, lines))
    else out.push(functionBody(node, program))
  }
  const exported = [...program.functions.keys()].map(jsName)
  const factories = [...program.structs.keys()].map((s) => `${s}: $new_${s}`)
  const globals = [...program.globals.keys()].map((g) => `${g}: ${jsName(g)}`)
  out.push(
    `return { functions: { ${exported.join(', ')} }, structs: { ${factories.join(', ')} }, ` +
      `globals: () => ({ ${globals.join(', ')} }), inputs: ${JSON.stringify([...program.inputs])} };`,
  )
  return out.filter((line) => line !== '').join('\n')
}

/**
 * Declarations at file level, with include guards opened up. In the indicator library includes
 * are the loader's job; in an Expert Advisor (ours inlined) only the environment's standard
 * includes and `#property` lines may remain, and file-level variables are allowed.
 */
function topLevel(node: Node, program: Mql5Program, expert: boolean): Node[] {
  return kids(node).flatMap((child) => {
    switch (child.type) {
      case 'preproc_ifdef':
        return topLevel(child, program, expert) // its `name` is an identifier, dropped below
      case 'preproc_include': {
        const path = field(child, 'path').text.replace(/^<|>$/g, '')
        if (expert && !program.env.includes.includes(path))
          throw unsupported(child, `#include of ${path}, which the environment does not provide`)
        return []
      }
      case 'preproc_call':
        if (!expert || field(child, 'directive').text !== '#property')
          throw unsupported(child, `top-level ${child.type}`)
        return []
      case 'preproc_def':
        // `#define GUARD` (no value) is an include guard.
        return child.childForFieldName('value') ? [child] : []
      case 'declaration':
        if (!expert) throw unsupported(child, 'top-level declaration')
        return [child]
      case 'struct_specifier':
      case 'function_definition':
        return [child]
      case 'identifier':
        return []
      default:
        throw unsupported(child, `top-level ${child.type}`)
    }
  })
}

function define(node: Node, program: Mql5Program): string[] {
  const name = field(node, 'name').text
  // The value is raw text up to the end of the line, a trailing comment included.
  const value = field(node, 'value')
    .text.replace(/\/\/.*$/, '')
    .trim()
  let expr: { code: string; type: Mql5Type }
  if (/^\d+$/.test(value)) expr = { code: value, type: 'int' }
  else if (/^\d*\.\d+([eE][-+]?\d+)?$/.test(value)) expr = { code: value, type: 'double' }
  else if (program.defines.has(value)) expr = program.defines.get(value)!
  else if (program.env.constants[value]) expr = { code: value, ...program.env.constants[value] }
  else throw unsupported(node, '#define value')
  program.defines.set(name, { code: jsName(name), type: expr.type })
  return [`const ${jsName(name)} = ${expr.code};`]
}

function declareStruct(node: Node, program: Mql5Program): void {
  const name = field(node, 'name').text
  if (program.structs.has(name)) throw unsupported(node, `second definition of struct ${name}`)
  const fields = new Map<string, Mql5Type>()
  program.structs.set(name, fields) // before its fields: a struct may not contain itself anyway
  for (const decl of kids(field(node, 'body'))) {
    if (decl.type !== 'field_declaration') throw unsupported(decl, `struct member ${decl.type}`)
    if (kids(decl).some((k) => k.type === 'type_qualifier')) throw unsupported(decl, 'const member')
    const type = typeOf(field(decl, 'type'), program)
    for (const d of decl.childrenForFieldName('declarator').filter((c): c is Node => c !== null)) {
      const { name: fieldName, array } = declaratorOf(d)
      if (array && isStruct(type)) throw unsupported(d, 'array of structs')
      fields.set(fieldName, array ? `${type}[]` : type)
    }
  }
}

function structFactory(node: Node, program: Mql5Program): string {
  const name = field(node, 'name').text
  return structCode(name, program.structs.get(name)!)
}

function declareFunction(node: Node, program: Mql5Program): void {
  const declarator = field(node, 'declarator')
  const name = field(declarator, 'declarator').text
  if (program.functions.has(name)) throw unsupported(node, `overload of ${name}`)
  const params = kids(field(declarator, 'parameters')).map((p) => {
    const { name: paramName, array, reference } = declaratorOf(field(p, 'declarator'))
    const type = typeOf(field(p, 'type'), program)
    const object = isStruct(type) || isClass(type)
    if (reference && !array && !object) throw unsupported(p, 'scalar passed by reference')
    if (object && !reference) throw unsupported(p, `${type} passed by value`)
    return { name: paramName, type: array ? `${type}[]` : type }
  })
  const signature: FunctionSignature = { returns: typeOf(field(node, 'type'), program), params }
  program.functions.set(name, signature)
}

function functionBody(node: Node, program: Mql5Program): string {
  const name = field(field(node, 'declarator'), 'declarator').text
  const signature = program.functions.get(name)!
  const locals = new Map(signature.params.map((p) => [p.name, p.type]))
  const scope: Scope = [program.globals, locals]
  const ctx: FunctionContext = { program, scope, returns: signature.returns }
  const params = signature.params.map((p) => jsName(p.name)).join(', ')
  return `function ${jsName(name)}(${params}) ${statement(field(node, 'body'), ctx)}`
}

interface FunctionContext extends ExprContext {
  readonly returns: Mql5Type
}

function block(node: Node, ctx: FunctionContext): string {
  ctx.scope.push(new Map())
  const body = kids(node).map((s) => statement(s, ctx))
  ctx.scope.pop()
  return `{\n${body.join('\n')}\n}`
}

/** `const double x = 1.0, y;` -> `let x = 1.0; let y;`; `MqlRates r[];` -> `let r = [];`. */
function declaration(node: Node, ctx: FunctionContext): string {
  const type = typeOf(field(node, 'type'), ctx.program)
  const object = isStruct(type) || isClass(type)
  const lets = node.childrenForFieldName('declarator').map((d) => {
    if (!d) throw unsupported(node, 'declaration')
    const initialised = d.type === 'init_declarator'
    const target = initialised ? field(d, 'declarator') : d
    const { name, array, reference } = declaratorOf(target)
    if (reference) throw unsupported(d, 'local reference')
    if ((array || object) && initialised) throw unsupported(d, `initialiser of a local ${type}`)
    const init = array
      ? ' = []'
      : initialised
        ? ` = ${convert(translateExpression(field(d, 'value'), ctx), type, d)}`
        : object
          ? ` = $new_${type.slice(type.indexOf(':') + 1)}()`
          : ''
    ctx.scope[ctx.scope.length - 1]!.set(name, array ? `${type}[]` : type)
    return `let ${jsName(name)}${init};`
  })
  return lets.join(' ')
}

/** `switch` on an integer with constant labels; JS's switch has C's fall-through. */
function switchStatement(node: Node, ctx: FunctionContext): string {
  const value = translateExpression(field(field(node, 'condition'), 'value'), ctx)
  if (!isInteger(value.type)) throw unsupported(node, `switch on ${value.type}`)
  ctx.scope.push(new Map())
  const cases = kids(field(node, 'body')).map((c) => {
    if (c.type !== 'case_statement') throw unsupported(c, `${c.type} in a switch`)
    const label = c.childForFieldName('value')
    if (label && label.type !== 'identifier' && label.type !== 'number_literal')
      throw unsupported(label, 'case label that is not a constant')
    const labelExpr = label ? translateExpression(label, ctx) : undefined
    if (labelExpr && !isInteger(labelExpr.type)) throw unsupported(c, 'case label type')
    if (label && ctx.scope.some((s) => s.has(label.text)))
      throw unsupported(label, 'case label that is a variable')
    const body = kids(c).filter((k) => !label || k.id !== label.id)
    const head = labelExpr ? `case ${labelExpr.code}:` : 'default:'
    return [head, ...body.map((s) => statement(s, ctx))].join('\n')
  })
  ctx.scope.pop()
  return `switch (${value.code}) {\n${cases.join('\n')}\n}`
}

function statement(node: Node, ctx: FunctionContext): string {
  switch (node.type) {
    case 'compound_statement':
      return block(node, ctx)
    case 'declaration':
      return declaration(node, ctx)
    case 'expression_statement': {
      const expr = kids(node)[0]
      return expr ? `${translateExpression(expr, ctx).code};` : ';'
    }
    case 'if_statement': {
      const test = condition(field(field(node, 'condition'), 'value'), ctx)
      const alternative = node.childForFieldName('alternative')
      const elseCode = alternative ? ` else ${statement(kids(alternative)[0]!, ctx)}` : ''
      return `if (${test}) ${nested(field(node, 'consequence'), ctx)}${elseCode}`
    }
    case 'while_statement':
      return `while (${condition(field(field(node, 'condition'), 'value'), ctx)}) ${nested(field(node, 'body'), ctx)}`
    case 'for_statement': {
      ctx.scope.push(new Map())
      const init = node.childForFieldName('initializer')
      const initCode = !init
        ? ';'
        : init.type === 'declaration'
          ? declaration(init, ctx)
          : `${translateExpression(init, ctx).code};`
      const test = node.childForFieldName('condition')
      const step = node.childForFieldName('update')
      const head = `for (${initCode} ${test ? condition(test, ctx) : ''}; ${step ? translateExpression(step, ctx).code : ''})`
      const body = nested(field(node, 'body'), ctx)
      ctx.scope.pop()
      return `${head} ${body}`
    }
    case 'return_statement': {
      const value = kids(node)[0]
      if (!value) return 'return;'
      return `return ${convert(translateExpression(value, ctx), ctx.returns, node)};`
    }
    case 'switch_statement':
      return switchStatement(node, ctx)
    case 'break_statement':
      return 'break;'
    case 'continue_statement':
      return 'continue;'
    default:
      throw unsupported(node, `statement ${node.type}`)
  }
}

/** A loop or branch body; a declaration there would be an un-braced scope, which MQL5 rejects. */
function nested(node: Node, ctx: FunctionContext): string {
  if (node.type === 'declaration') throw unsupported(node, 'declaration as an un-braced body')
  return statement(node, ctx)
}
