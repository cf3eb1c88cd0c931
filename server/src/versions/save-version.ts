import { and, eq } from 'drizzle-orm'
import { COMPILER_VERSION, compile, parseGraph } from '@tradeloom/compiler'
import type { Diagnostic } from '@tradeloom/compiler'
import { strategies, strategyVersions } from '@tradeloom/drizzle'
import type { Db, StrategyVersionRow } from '@tradeloom/drizzle'
import { isUniqueViolation } from '../db-errors'
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../errors'
import type { Issue } from '../errors'
import { findLatestVersion } from './queries'

export interface SaveVersionInput {
  readonly userId: string
  readonly strategyId: string
  readonly graph: unknown
  readonly message: string
}

export interface SaveVersionResult {
  readonly version: StrategyVersionRow
  /** False when the graph equals the latest version's and that version was returned instead. */
  readonly created: boolean
}

/**
 * Compiles a graph and stores it as the strategy's next version. A document that is not a graph
 * is a 400 naming each bad path; a graph that does not compile is a 422 with the compiler's
 * diagnostics; a graph equal to the latest version (same content hash and compiler) returns that
 * version instead of a duplicate.
 */
export async function saveVersion(db: Db, input: SaveVersionInput): Promise<SaveVersionResult> {
  const parsed = parseGraph(input.graph)
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

  try {
    return await db.transaction(async (tx) => {
      // Locking the strategy row serialises saves of one strategy, so version numbers and the
      // duplicate check cannot race.
      const [strategy] = await tx
        .select({ id: strategies.id })
        .from(strategies)
        .where(and(eq(strategies.id, input.strategyId), eq(strategies.userId, input.userId)))
        .for('update')
      if (strategy === undefined) throw new NotFoundError(`Strategy ${input.strategyId} not found`)

      const latest = await findLatestVersion(tx, input.userId, input.strategyId)
      if (
        latest !== undefined &&
        latest.contentHash === result.contentHash &&
        latest.compilerVersion === COMPILER_VERSION
      ) {
        return { version: latest, created: false }
      }
      const [version] = await tx
        .insert(strategyVersions)
        .values({
          strategyId: input.strategyId,
          userId: input.userId,
          version: (latest?.version ?? 0) + 1,
          parentVersionId: latest?.id ?? null,
          schemaVersion: result.graph.schemaVersion,
          graph: result.graph as unknown as Record<string, unknown>,
          tsSource: result.ts,
          mql5Source: result.mql5,
          compilerVersion: COMPILER_VERSION,
          contentHash: result.contentHash,
          message: input.message,
          diagnostics: [...result.diagnostics],
          plots: [...result.plots],
          warmupBars: result.warmupBars,
        })
        .returning()
      if (version === undefined) throw new Error('Inserting a version returned no row')
      await tx
        .update(strategies)
        .set({ updatedAt: version.createdAt })
        .where(eq(strategies.id, input.strategyId))
      return { version, created: true }
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        'Another save of this strategy happened at the same time; save again',
        undefined,
        {
          cause: error,
        },
      )
    }
    throw error
  }
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
