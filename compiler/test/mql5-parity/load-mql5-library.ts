import { mql5Sources } from '@tradeloom/mql5-templates'
import type { Tree } from 'web-tree-sitter'
import { getParser, rewriteMql5ForCpp } from '../support/mql5-syntax'
import { mql5Runtime } from './mql5-runtime'
import { translateMql5 } from './translate-mql5'

/** MQL5 functions and struct constructors, runnable in JS. */
export interface Mql5Library {
  readonly functions: Readonly<Record<string, (...args: unknown[]) => unknown>>
  readonly structs: Readonly<Record<string, () => Record<string, unknown>>>
  /** The generated JS, for debugging a mismatch. */
  readonly js: string
}

const TRADELOOM_INCLUDE = /^#include <(Tradeloom\\[^>]+)>\s*$/gm

/** `paths` and everything they `#include <Tradeloom\...>`, dependencies first, each once. */
function withIncludes(
  paths: readonly string[],
  sources: Readonly<Record<string, string>>,
): string[] {
  const ordered: string[] = []
  const visit = (path: string, from: string) => {
    if (ordered.includes(path)) return
    const text = sources[path]
    if (text === undefined)
      throw new Error(`MQL5 evaluator: ${path} (included from ${from}) does not exist`)
    for (const match of text.matchAll(TRADELOOM_INCLUDE))
      visit(`Include/${match[1]!.replace(/\\/g, '/')}`, path)
    ordered.push(path)
  }
  for (const path of paths) visit(path, 'the test')
  return ordered
}

/**
 * Loads include files (paths like `Include/Tradeloom/Indicators/Rsi.mqh`) with their Tradeloom
 * includes, translates them to JS and evaluates them. `sources` defaults to the package's files;
 * tests pass edited copies to prove that the parity check notices a changed formula.
 */
export async function loadMql5Library(
  paths: readonly string[],
  sources: Readonly<Record<string, string>> = mql5Sources,
): Promise<Mql5Library> {
  const parser = await getParser()
  const trees: Tree[] = []
  try {
    for (const path of withIncludes(paths, sources)) {
      const tree = parser.parse(rewriteMql5ForCpp(sources[path]!))
      if (!tree) throw new Error(`MQL5 evaluator: no parse tree for ${path}`)
      trees.push(tree)
      if (tree.rootNode.hasError) throw new Error(`MQL5 evaluator: ${path} has syntax errors`)
    }
    const js = translateMql5(trees)
    const names = Object.keys(mql5Runtime)
    const run = new Function(
      '$rt',
      `'use strict';\nconst { ${names.join(', ')} } = $rt;\n${js}`,
    ) as (rt: typeof mql5Runtime) => Omit<Mql5Library, 'js'>
    return { ...run(mql5Runtime), js }
  } finally {
    for (const tree of trees) tree.delete()
  }
}
