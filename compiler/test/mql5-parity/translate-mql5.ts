import type { Node, Tree } from 'web-tree-sitter'
import type { FunctionSignature, Mql5Program, Mql5Type } from './mql5-program'
import {
  declaratorOf,
  field,
  isArray,
  isStruct,
  jsName,
  kids,
  typeOf,
  unsupported,
} from './mql5-program'
import type { ExprContext, Scope } from './translate-expression'
import { condition, convert, translateExpression } from './translate-expression'

/**
 * A mechanical translation of the conservative MQL5 subset our include library is written in
 * (plain structs, functions, dynamic arrays, arithmetic, if/for/while, Math* built-ins) into JS,
 * statement for statement and operator for operator, so that the parity tests run the SAME
 * formulas MetaTrader will compile. Anything outside the subset throws, naming the construct:
 * the translator must never guess.
 *
 * MQL5 semantics it keeps: integer arithmetic (truncating division, int conversion on storage),
 * structs and arrays passed by reference, IEEE-754 doubles. Evaluation order of the operands of
 * one operator is unspecified in C++; our include files never give two operands side effects.
 */
export function translateMql5(trees: readonly Tree[]): string {
  const program: Mql5Program = { structs: new Map(), functions: new Map(), defines: new Map() }
  const tops = trees.flatMap((tree) => topLevel(tree.rootNode))
  for (const node of tops) if (node.type === 'struct_specifier') declareStruct(node, program)
  for (const node of tops) if (node.type === 'function_definition') declareFunction(node, program)
  const out: string[] = []
  for (const node of tops) {
    if (node.type === 'preproc_def') out.push(...define(node, program))
    else if (node.type === 'struct_specifier') out.push(structFactory(node, program))
    else out.push(functionBody(node, program))
  }
  const exported = [...program.functions.keys()].map(jsName)
  const factories = [...program.structs.keys()].map((s) => `${s}: $new_${s}`)
  out.push(
    `return { functions: { ${exported.join(', ')} }, structs: { ${factories.join(', ')} } };`,
  )
  return out.join('\n')
}

/** Declarations at file level, with include guards opened up; includes are the loader's job. */
function topLevel(node: Node): Node[] {
  return kids(node).flatMap((child) => {
    switch (child.type) {
      case 'preproc_ifdef':
        return topLevel(child) // its `name` is an identifier, dropped below
      case 'preproc_include':
        return []
      case 'preproc_def':
        // `#define GUARD` (no value) is an include guard.
        return child.childForFieldName('value') ? [child] : []
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
  const value = field(node, 'value').text.trim()
  let expr: { code: string; type: Mql5Type }
  if (/^\d+$/.test(value)) expr = { code: value, type: 'int' }
  else if (/^\d*\.\d+([eE][-+]?\d+)?$/.test(value)) expr = { code: value, type: 'double' }
  else if (program.defines.has(value)) expr = program.defines.get(value)!
  else if (value === 'EMPTY_VALUE') expr = { code: value, type: 'double' }
  else throw unsupported(node, '#define value')
  program.defines.set(name, { code: jsName(name), type: expr.type })
  return [`const ${jsName(name)} = ${expr.code};`]
}

function declareStruct(node: Node, program: Mql5Program): void {
  const name = field(node, 'name').text
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
  const init = [...program.structs.get(name)!].map(([f, type]) => {
    const value = isArray(type) ? '[]' : isStruct(type) ? `$new_${type.slice(7)}()` : 'undefined'
    return `${jsName(f)}: ${value}`
  })
  return `function $new_${name}() { return $struct(${JSON.stringify(name)}, { ${init.join(', ')} }); }`
}

function declareFunction(node: Node, program: Mql5Program): void {
  const declarator = field(node, 'declarator')
  const name = field(declarator, 'declarator').text
  if (program.functions.has(name)) throw unsupported(node, `overload of ${name}`)
  const params = kids(field(declarator, 'parameters')).map((p) => {
    const { name: paramName, array, reference } = declaratorOf(field(p, 'declarator'))
    const type = typeOf(field(p, 'type'), program)
    if (reference && !array && !isStruct(type)) throw unsupported(p, 'scalar passed by reference')
    if (isStruct(type) && !reference) throw unsupported(p, 'struct passed by value')
    return { name: paramName, type: array ? `${type}[]` : type }
  })
  const signature: FunctionSignature = { returns: typeOf(field(node, 'type'), program), params }
  program.functions.set(name, signature)
}

function functionBody(node: Node, program: Mql5Program): string {
  const name = field(field(node, 'declarator'), 'declarator').text
  const signature = program.functions.get(name)!
  const scope: Scope = [new Map(signature.params.map((p) => [p.name, p.type]))]
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

/** `const double x = 1.0, y;` -> `let x = 1.0; let y;` (locals only; no local arrays). */
function declaration(node: Node, ctx: FunctionContext): string {
  const type = typeOf(field(node, 'type'), ctx.program)
  const lets = node.childrenForFieldName('declarator').map((d) => {
    if (!d) throw unsupported(node, 'declaration')
    const target = d.type === 'init_declarator' ? field(d, 'declarator') : d
    const { name, array, reference } = declaratorOf(target)
    if (array || reference) throw unsupported(d, 'local array or reference')
    const init =
      d.type === 'init_declarator'
        ? ` = ${convert(translateExpression(field(d, 'value'), ctx), type, d)}`
        : isStruct(type)
          ? ` = $new_${type.slice(7)}()`
          : ''
    ctx.scope[ctx.scope.length - 1]!.set(name, type)
    return `let ${jsName(name)}${init};`
  })
  return lets.join(' ')
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
