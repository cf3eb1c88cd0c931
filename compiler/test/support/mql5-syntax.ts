import { createRequire } from 'node:module'
import { Language, Parser } from 'web-tree-sitter'
import type { Node } from 'web-tree-sitter'

/**
 * A syntax check for MQL5 where no MetaEditor runs: tree-sitter's C++ grammar after a
 * length-preserving rewrite of the few MQL5-only forms (mt5-semantics.md 7.2). Offsets are kept,
 * so a reported line and column point at the original source.
 */
export function rewriteMql5ForCpp(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ')
  return (
    source
      // `input group "Title"` lines vanish entirely.
      .replace(/^[ \t]*input[ \t]+group[ \t]+"[^"\n]*"[ \t]*$/gm, blank)
      // `input(name="…")` labels.
      .replace(/\binput\s*\([^)\n]*\)/g, blank)
      // `input`/`sinput` storage keywords before a declaration.
      .replace(
        /^([ \t]*)(sinput|input)\b/gm,
        (_m, lead: string, word: string) => lead + ' '.repeat(word.length),
      )
      // Colour and datetime literals become a padded 0.
      .replace(/\b[CD]'[^'\n]*'/g, (literal) => `0${' '.repeat(literal.length - 1)}`)
  )
}

export interface SyntaxProblem {
  readonly line: number
  readonly column: number
  readonly kind: 'error' | 'missing'
  readonly text: string
}

let parserPromise: Promise<Parser> | undefined

/** tree-sitter with the C++ grammar, loaded once and shared by every MQL5 check in the tests. */
export async function getParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    const require = createRequire(import.meta.url)
    await Parser.init()
    const cpp = await Language.load(require.resolve('tree-sitter-cpp/tree-sitter-cpp.wasm'))
    const parser = new Parser()
    parser.setLanguage(cpp)
    return parser
  })()
  return parserPromise
}

/**
 * MQL5 functions and built-ins the generated EAs and our include library may call. Anything else
 * must be defined in the file itself (our include library is inlined), or the check fails: a
 * typo or a call to something MetaEditor does not have would otherwise only show up there.
 */
export const MQL5_BUILTINS = new Set(
  (
    'AccountInfoDouble AccountInfoInteger AccountInfoString ArrayInitialize ArrayResize ArraySetAsSeries ' +
    'ArraySize CharArrayToString CopyRates EventKillTimer EventSetTimer FileClose FileFlush FileIsExist FileOpen ' +
    'FileReadString FileWriteString GetLastError GlobalVariableCheck GlobalVariableDel GlobalVariableGet ' +
    'GlobalVariableSet GlobalVariablesFlush HistoryDealGetDouble HistoryDealGetInteger HistoryDealSelect ' +
    'HistorySelect MQLInfoInteger MathAbs MathCeil MathFloor MathIsValidNumber MathLog MathLog10 MathMax MathMin ' +
    'MathPow MathRound MathSqrt NormalizeDouble PositionGetDouble PositionGetInteger PositionGetString ' +
    'PositionGetTicket PositionSelectByTicket PositionsTotal Print PrintFormat ResetLastError StringFormat ' +
    'StringLen StringToCharArray StringToDouble StringToInteger StringFind StringSubstr SymbolInfoDouble ' +
    'SymbolInfoInteger SymbolInfoString TerminalInfoInteger TerminalInfoString TimeCurrent TimeGMT TimeToString ' +
    'WebRequest iBarShift iTime MQLInfoString EnumToString DoubleToString ' +
    // The deployment control client (Include/Tradeloom/Control*.mqh): files, deal history,
    // strings and clocks, each a function of the MQL5 reference.
    'FileDelete FileIsEnding FileMove FileSeek GetMicrosecondCount HistoryDealGetString ' +
    'HistoryDealGetTicket HistoryDealsTotal IntegerToString ShortToString StringGetCharacter ' +
    'StringToLower StringTrimLeft StringTrimRight TimeTradeServer ' +
    // Scripts/TradeloomSymbolExport.mq5: walking Market Watch.
    'SymbolsTotal SymbolName'
  ).split(' '),
)

/** Names of functions called but neither defined in `source` nor in {@link MQL5_BUILTINS}. */
export async function findUndefinedCalls(source: string): Promise<string[]> {
  const parser = await getParser()
  const tree = parser.parse(rewriteMql5ForCpp(source))
  if (!tree) throw new Error('tree-sitter returned no tree')
  const called = new Set<string>()
  const defined = new Set<string>()
  const visit = (node: Node) => {
    if (node.type === 'call_expression') {
      const callee = node.childForFieldName('function')
      if (callee?.type === 'identifier') called.add(callee.text)
    }
    if (node.type === 'function_declarator') {
      const name = node.childForFieldName('declarator')
      if (name?.type === 'identifier') defined.add(name.text)
    }
    for (const child of node.children) if (child) visit(child)
  }
  visit(tree.rootNode)
  tree.delete()
  return [...called].filter((name) => !defined.has(name) && !MQL5_BUILTINS.has(name)).sort()
}

/** Every ERROR and MISSING node in the parse of `source`, with 1-based line and column. */
export async function findMql5SyntaxProblems(source: string): Promise<SyntaxProblem[]> {
  const parser = await getParser()
  const tree = parser.parse(rewriteMql5ForCpp(source))
  if (!tree) throw new Error('tree-sitter returned no tree')
  const problems: SyntaxProblem[] = []
  const visit = (node: Node) => {
    if (node.isError || node.isMissing) {
      problems.push({
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        kind: node.isMissing ? 'missing' : 'error',
        text: source.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 60)),
      })
    }
    if (node.hasError || node.isMissing) for (const child of node.children) if (child) visit(child)
  }
  visit(tree.rootNode)
  tree.delete()
  return problems
}
