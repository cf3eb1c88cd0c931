import { createHash } from 'node:crypto'
import { COMPILER_VERSION, compile, parseGraph } from '@tradeloom/compiler'
import type { Diagnostic } from '@tradeloom/compiler'
import type { NewStrategyVersionRow, StrategyVersionRow } from '@tradeloom/drizzle'
import { UnprocessableError, ValidationError } from '../errors'
import type { Issue } from '../errors'

/** Everything a version stores about its content (not where it sits in the history). */
export type VersionContent = Required<
  Pick<
    NewStrategyVersionRow,
    | 'kind'
    | 'schemaVersion'
    | 'graph'
    | 'tsSource'
    | 'mql5Source'
    | 'compilerVersion'
    | 'contentHash'
    | 'diagnostics'
    | 'plots'
    | 'warmupBars'
  >
>

/**
 * Compiles a graph into version content. A document that is not a graph is a 400 naming each
 * bad path; a graph that does not compile is a 422 with the compiler's diagnostics.
 */
export function graphContent(graph: unknown): VersionContent {
  const parsed = parseGraph(graph)
  if (!parsed.ok) {
    const issues = parsed.diagnostics.map(toIssue)
    const first = issues[0]
    throw new ValidationError(
      `The graph is not valid: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}`,
      issues,
      { diagnostics: parsed.diagnostics },
    )
  }
  const result = compile(parsed.graph)
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`
    throw new UnprocessableError(
      'compile_failed',
      `The graph has ${count}: ${errors[0]?.message ?? 'see diagnostics'}`,
      { diagnostics: result.diagnostics },
    )
  }
  return {
    kind: 'graph',
    schemaVersion: result.graph.schemaVersion,
    graph: result.graph as unknown as Record<string, unknown>,
    tsSource: result.ts,
    mql5Source: result.mql5,
    compilerVersion: COMPILER_VERSION,
    contentHash: result.contentHash,
    diagnostics: [...result.diagnostics],
    plots: [...result.plots],
    warmupBars: result.warmupBars,
  }
}

/**
 * Version content for a code strategy: the trader's TypeScript as typed. It is not evaluated
 * here (that would run user code in the API process); builds and backtests load it in the
 * sandbox, which reports syntax errors with line and column.
 */
export function codeContent(code: string): VersionContent {
  return {
    kind: 'code',
    schemaVersion: null,
    graph: null,
    tsSource: code,
    mql5Source: null,
    compilerVersion: COMPILER_VERSION,
    contentHash: createHash('sha256').update(code).digest('hex'),
    diagnostics: [],
    plots: [],
    warmupBars: 0,
  }
}

/** The stored content of an existing version, for rolling back to it unchanged. */
export function contentOf(row: StrategyVersionRow): VersionContent {
  const { kind, schemaVersion, graph, tsSource, mql5Source, compilerVersion } = row
  const { contentHash, diagnostics, plots, warmupBars } = row
  return {
    kind,
    schemaVersion,
    graph,
    tsSource,
    mql5Source,
    compilerVersion,
    contentHash,
    diagnostics,
    plots,
    warmupBars,
  }
}

/**
 * True when saving `content` after `latest` would store nothing new: same kind and hash, and for
 * graphs the same compiler (a new compiler may emit different code from the same graph).
 */
export function sameContent(
  latest: Pick<StrategyVersionRow, 'kind' | 'contentHash' | 'compilerVersion'>,
  content: VersionContent,
): boolean {
  return (
    latest.kind === content.kind &&
    latest.contentHash === content.contentHash &&
    (content.kind === 'code' || latest.compilerVersion === content.compilerVersion)
  )
}

function toIssue(diagnostic: Diagnostic): Issue {
  const inner = (diagnostic.path ?? []).join('.')
  // The compiler prefixes its message with the path inside the graph ('graph' for the root);
  // the issue names the path already.
  const prefix = `${inner === '' ? 'graph' : inner}: `
  const message = diagnostic.message.startsWith(prefix)
    ? diagnostic.message.slice(prefix.length)
    : diagnostic.message
  return { path: inner === '' ? 'graph' : `graph.${inner}`, message }
}
