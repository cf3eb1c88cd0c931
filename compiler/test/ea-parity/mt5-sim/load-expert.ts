import { getParser } from '../../support/mql5-syntax'
import { translateMql5 } from '../../mql5-parity/translate-mql5'
import { findMql5SyntaxProblems, rewriteMql5ForCpp } from '../../support/mql5-syntax'
import { MT5_ENVIRONMENT } from './mt5-environment'

/** A value for an `input` variable, as the tester's inputs dialog would set it. */
export type InputValue = number | boolean | string

/** One evaluation of an EA: its functions (event handlers included) and globals. */
export interface ExpertInstance {
  readonly functions: Readonly<Record<string, (...args: unknown[]) => unknown>>
  /** The current values of the file-level variables, for a test to inspect. */
  readonly globals: () => Readonly<Record<string, unknown>>
  readonly inputs: readonly string[]
}

/** A translated Expert Advisor, ready to be evaluated against a simulated terminal. */
export interface ExpertProgram {
  /** The generated JS, for debugging a mismatch. */
  readonly js: string
  /** Evaluates the program afresh (new globals) against `runtime`'s built-ins and constants. */
  instantiate(
    runtime: Readonly<Record<string, unknown>>,
    inputs?: Readonly<Record<string, InputValue>>,
  ): ExpertInstance
}

const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int: [-2147483648, 2147483647],
  uint: [0, 4294967295],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ulong: [0, Number.MAX_SAFE_INTEGER],
}

/** An input override checked against the input's MQL5 type, as the inputs dialog would. */
function inputValue(name: string, type: string, value: InputValue): InputValue {
  const range = INTEGER_RANGES[type]
  const ok = range
    ? Number.isInteger(value) && (value as number) >= range[0] && (value as number) <= range[1]
    : type === 'double'
      ? Number.isFinite(value)
      : typeof value === (type === 'bool' ? 'boolean' : 'string')
  if (!ok) throw new Error(`MT5 simulator: input ${name} (${type}) cannot be ${String(value)}`)
  return value
}

/**
 * Parses a whole generated `.mq5` (our include library inlined) with tree-sitter after the
 * syntax check's rewrite and translates it with the MQL5-subset translator against
 * {@link MT5_ENVIRONMENT}. Anything outside the subset or the simulated terminal throws here.
 */
export async function loadExpert(source: string): Promise<ExpertProgram> {
  const parser = await getParser()
  const tree = parser.parse(rewriteMql5ForCpp(source))
  if (!tree) throw new Error('MT5 simulator: no parse tree for the EA')
  let js: string
  try {
    if (tree.rootNode.hasError) {
      const [problem] = await findMql5SyntaxProblems(source)
      throw new Error(
        `MT5 simulator: the EA has a syntax error at line ${problem?.line}, column ${problem?.column}`,
      )
    }
    js = translateMql5([tree], { env: MT5_ENVIRONMENT, expert: { original: source } })
  } finally {
    tree.delete()
  }
  // One compiled function per set of runtime names: evaluating it again makes fresh globals
  // but reuses V8's compiled code, so later runs start warm.
  const compiled = new Map<string, (rt: Record<string, unknown>) => unknown>()
  return {
    js,
    instantiate(runtime, inputs = {}) {
      const overrides = new Map(Object.entries(inputs))
      const $input = (name: string, type: string, dflt: InputValue) => {
        if (!overrides.has(name)) return dflt
        const value = inputValue(name, type, overrides.get(name)!)
        overrides.delete(name)
        return value
      }
      const rt: Record<string, unknown> = { ...runtime, $input }
      const names = Object.keys(rt).join(', ')
      let run = compiled.get(names)
      if (!run) {
        run = new Function('$rt', `'use strict';\nconst { ${names} } = $rt;\n${js}`) as (
          rt: Record<string, unknown>,
        ) => unknown
        compiled.set(names, run)
      }
      const instance = run(rt) as ExpertInstance
      if (overrides.size > 0)
        throw new Error(`MT5 simulator: the EA has no input ${[...overrides.keys()].join(', ')}`)
      return instance
    },
  }
}
