import type { Diagnostic } from '../diagnostics'
import { invalidGraph } from '../diagnostics'
import { migrateGraph } from './migrate'
import type { StrategyGraph } from './schema'
import { strategyGraphSchema } from './schema'

export type ParseResult =
  | { readonly ok: true; readonly graph: StrategyGraph }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }

/**
 * Checks that `input` is a graph document (any schema version we can migrate) and returns it in
 * the current schema. Never throws: every problem becomes an `invalid-graph` diagnostic whose
 * `path` names the offending field, e.g. `nodes.2.params.period`.
 */
export function parseGraph(input: unknown): ParseResult {
  const migrated = migrateGraph(input)
  if (!migrated.ok)
    return { ok: false, diagnostics: [invalidGraph(migrated.message, migrated.path)] }
  const result = strategyGraphSchema.safeParse(migrated.value)
  if (result.success) return { ok: true, graph: result.data }
  const diagnostics = result.error.issues.slice(0, 50).map((issue) =>
    invalidGraph(
      issue.message,
      issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    ),
  )
  return { ok: false, diagnostics }
}
