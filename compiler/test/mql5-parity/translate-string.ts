import type { Node } from 'web-tree-sitter'
import { kids, unsupported } from './mql5-program'

const ESCAPES: Readonly<Record<string, string>> = {
  '\\\\': '\\',
  '\\"': '"',
  "\\'": "'",
  '\\n': '\n',
  '\\r': '\r',
  '\\t': '\t',
}

/**
 * The value of a string literal, or of adjacent literals (`"a" "b"` is "ab", as in C). Only the
 * escapes listed above are in the subset; any other backslash throws rather than guess.
 */
export function translateString(node: Node): string {
  if (node.type === 'concatenated_string') return kids(node).map(translateString).join('')
  if (node.type !== 'string_literal') throw unsupported(node, `string ${node.type}`)
  const text = node.text
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2)
    throw unsupported(node, 'string literal with a prefix')
  return text.slice(1, -1).replace(/\\.?/g, (escape) => {
    const value = ESCAPES[escape]
    if (value === undefined) throw unsupported(node, `escape ${escape} in a string`)
    return value
  })
}
