import { transform } from 'sucrase'
import type { StrategyModule } from '../engine/strategy'

/** The only module a strategy may import. */
const RUNTIME_MODULE = '@tradeloom/runtime'

/**
 * Turns a strategy's TypeScript source (what the compiler emits, or what a user edited) into a
 * {@link StrategyModule}: types are stripped with sucrase (`typescript` + `imports` transforms,
 * no type checking) and the CommonJS result is evaluated with `new Function`. The module's
 * `require` resolves only `@tradeloom/runtime`, to the `runtime` object passed in (callers pass
 * `import * as runtime from '@tradeloom/runtime'`), so a strategy cannot reach anything else.
 *
 * Errors: a syntax error names the line and column; any other import, a throwing module body and
 * a module without `createStrategy` and `defaultParams` throw an Error saying so.
 *
 * @example
 * import * as runtime from '@tradeloom/runtime'
 * const mod = loadStrategyModule(result.ts, runtime)
 * runBacktest(bars, mod.createStrategy(), { symbol: 'EURUSD' })
 */
export function loadStrategyModule(
  tsSource: string,
  runtime: Record<string, unknown>,
): StrategyModule {
  if (typeof tsSource !== 'string')
    throw new TypeError('loadStrategyModule: source must be a string')
  const js = stripTypes(tsSource)
  const module = { exports: {} as Record<string, unknown> }
  const require = (name: string): unknown => {
    if (name === RUNTIME_MODULE) return runtime
    throw new Error(
      `Strategy module imports "${name}", but only "${RUNTIME_MODULE}" is available to strategies`,
    )
  }
  let factory: (...args: unknown[]) => unknown
  try {
    // Evaluating the user's own strategy is the point; its only capability is the runtime object.
    factory = new Function('require', 'module', 'exports', js) as typeof factory
  } catch (cause) {
    throw new Error(`Strategy module could not be evaluated: ${message(cause)}`, { cause })
  }
  try {
    factory(require, module, module.exports)
  } catch (cause) {
    if (cause instanceof Error && cause.message.startsWith('Strategy module imports')) throw cause
    throw new Error(`Strategy module threw while loading: ${message(cause)}`, { cause })
  }
  return checkModule(module.exports)
}

function stripTypes(source: string): string {
  try {
    return transform(source, { transforms: ['typescript', 'imports'] }).code
  } catch (cause) {
    throw new Error(`Strategy module has a syntax error: ${describeSyntaxError(cause, source)}`, {
      cause,
    })
  }
}

/**
 * Sucrase reports `Unexpected token (3:14)` with a 1-based line and 0-based column, and sets
 * `pos` to the character offset. We recompute both from `pos` so the column is 1-based, as editors
 * (Monaco) count.
 */
function describeSyntaxError(cause: unknown, source: string): string {
  const text = message(cause).replace(/\s*\(\d+:\d+\)\s*$/, '')
  const pos = (cause as { pos?: unknown } | null)?.pos
  if (typeof pos !== 'number') return text
  const before = source.slice(0, pos)
  const line = before.split('\n').length
  const column = pos - before.lastIndexOf('\n')
  return `${text} at line ${line}, column ${column}`
}

function checkModule(exports: Record<string, unknown>): StrategyModule {
  const mod = exports as Partial<StrategyModule>
  const missing: string[] = []
  if (typeof mod.createStrategy !== 'function') missing.push('a function `createStrategy`')
  const params = mod.defaultParams
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    missing.push('an object `defaultParams`')
  }
  if (missing.length > 0) {
    throw new Error(`Strategy module must export ${missing.join(' and ')}`)
  }
  return mod as StrategyModule
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
