import { and, eq } from 'drizzle-orm'
import { strategies, strategyVersions } from '@tradeloom/drizzle'
import type { Db, StrategyVersionRow } from '@tradeloom/drizzle'
import { isUniqueViolation } from '../db-errors'
import { ConflictError, NotFoundError } from '../errors'
import { recordEvent } from '../events/record-event'
import { findLatestVersionKey, findVersion } from './queries'
import { sameContent } from './version-content'
import type { VersionContent } from './version-content'

export interface SaveVersionInput {
  readonly userId: string
  readonly strategyId: string
  readonly content: VersionContent
  readonly message: string
  /** Set when rolling back: the older version whose content this is. */
  readonly restoredFrom?: StrategyVersionRow
}

export interface SaveVersionResult {
  readonly version: StrategyVersionRow
  /** False when the content equals the latest version's and that version was returned instead. */
  readonly created: boolean
}

/**
 * Stores content as the strategy's next version, with its event on the timeline, in one
 * transaction. Content equal to the latest version's returns that version instead of a duplicate.
 */
export async function saveVersion(db: Db, input: SaveVersionInput): Promise<SaveVersionResult> {
  const { userId, strategyId, content, restoredFrom } = input
  try {
    return await db.transaction(async (tx) => {
      // Locking the strategy row serialises saves of one strategy, so version numbers and the
      // duplicate check cannot race.
      const [strategy] = await tx
        .select({ id: strategies.id })
        .from(strategies)
        .where(and(eq(strategies.id, strategyId), eq(strategies.userId, userId)))
        .for('update')
      if (strategy === undefined) throw new NotFoundError(`Strategy ${strategyId} not found`)

      // Only the newest version's key is read: its sources are large and rarely needed.
      const latest = await findLatestVersionKey(tx, userId, strategyId)
      if (latest !== undefined && sameContent(latest, content)) {
        const existing = await findVersion(tx, userId, strategyId, latest.id)
        return { version: existing!, created: false }
      }
      const values = {
        ...content,
        strategyId,
        userId,
        version: (latest?.version ?? 0) + 1,
        parentVersionId: latest?.id ?? null,
        restoredFromVersionId: restoredFrom?.id ?? null,
        message: input.message,
      }
      const [inserted] = await tx
        .insert(strategyVersions)
        .values(values)
        .returning({ id: strategyVersions.id, createdAt: strategyVersions.createdAt })
      if (inserted === undefined) throw new Error('Inserting a version returned no row')
      const version: StrategyVersionRow = { ...values, ...inserted }
      await tx
        .update(strategies)
        .set({ updatedAt: version.createdAt })
        .where(eq(strategies.id, strategyId))
      const metadata = {
        versionId: version.id,
        version: version.version,
        kind: version.kind,
        contentHash: version.contentHash,
        message: version.message,
      }
      await recordEvent(
        tx,
        restoredFrom === undefined
          ? { userId, strategyId, type: 'version.saved', metadata }
          : {
              userId,
              strategyId,
              type: 'version.rolled_back',
              metadata: {
                ...metadata,
                restoredFromVersionId: restoredFrom.id,
                restoredFromVersion: restoredFrom.version,
              },
            },
      )
      return { version, created: true }
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        'Another save of this strategy happened at the same time; save again',
        undefined,
        { cause: error },
      )
    }
    throw error
  }
}
