import type { Node } from 'web-tree-sitter'
import { getParser, rewriteMql5ForCpp } from './mql5-syntax'

/** One call in the source: who calls, what, and the text of its arguments. */
export interface Mql5Call {
  /** The enclosing function or method (`OnTimer`, `OrderSend`), or '' at file level. */
  readonly caller: string
  readonly callee: string
  readonly args: string
}

/** The name a function definition declares: `OnTimer`, or `OrderSend` for a method in a class. */
function definedName(definition: Node): string {
  let declarator = definition.childForFieldName('declarator')
  while (declarator && declarator.type !== 'function_declarator')
    declarator = declarator.childForFieldName('declarator')
  const name = declarator?.childForFieldName('declarator')
  return name ? name.text : ''
}

/**
 * Every call with a plain name as callee (`Print(...)`, not `trade.Buy(...)`), with the function
 * it sits in. Parsed with tree-sitter's C++ grammar after the MQL5 rewrite, like the syntax check.
 */
export async function listMql5Calls(source: string): Promise<Mql5Call[]> {
  const parser = await getParser()
  const tree = parser.parse(rewriteMql5ForCpp(source))
  if (!tree) throw new Error('tree-sitter returned no tree')
  const calls: Mql5Call[] = []
  const visit = (node: Node, caller: string) => {
    const inside = node.type === 'function_definition' ? definedName(node) : caller
    if (node.type === 'call_expression') {
      const callee = node.childForFieldName('function')
      const args = node.childForFieldName('arguments')
      if (callee?.type === 'identifier')
        calls.push({
          caller: inside,
          callee: callee.text,
          args: args ? source.slice(args.startIndex, args.endIndex) : '',
        })
    }
    for (const child of node.children) if (child) visit(child, inside)
  }
  visit(tree.rootNode, '')
  tree.delete()
  return calls
}

/** The functions from which `target` can be reached by plain calls (the target itself excluded). */
export function callersOf(calls: readonly Mql5Call[], target: string): Set<string> {
  const reaching = new Set<string>()
  let frontier = [target]
  while (frontier.length > 0) {
    const next: string[] = []
    for (const call of calls) {
      if (frontier.includes(call.callee) && call.caller !== '' && !reaching.has(call.caller)) {
        reaching.add(call.caller)
        next.push(call.caller)
      }
    }
    frontier = next
  }
  return reaching
}
