import type { Db } from '@tradeloom/drizzle'
import { generateSyntheticBars } from '@tradeloom/runtime'
import type { Bars } from '@tradeloom/runtime'
import { readBars } from '../datasets/queries'
import { datasets } from '@tradeloom/drizzle'
import { and, eq } from 'drizzle-orm'
import type { StoredRunConfig } from './backtest-config'
import { timeframeSeconds } from './timeframe-seconds'

/** The bars of a run and words for the log; `null` bars with a reason when they are gone. */
export type RunBars = { bars: Bars; description: string } | { bars: null; reason: string }

/**
 * Reads a run's bars: the data set's (or the chosen range of it), or seeded synthetic bars spaced
 * like the strategy's timeframe.
 */
export async function loadRunBars(
  db: Db,
  userId: string,
  source: StoredRunConfig['bars'],
  timeframe: unknown,
): Promise<RunBars> {
  if (source.kind === 'synthetic') {
    const bars = generateSyntheticBars({
      seed: source.seed,
      count: source.barCount,
      timeframeSeconds: timeframeSeconds(timeframe),
    })
    const tf = typeof timeframe === 'string' ? timeframe : 'H1'
    return { bars, description: `${bars.length} synthetic ${tf} bars (seed ${source.seed})` }
  }
  const [dataset] = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, source.datasetId), eq(datasets.userId, userId)))
  if (dataset === undefined) return { bars: null, reason: 'The dataset was deleted' }
  const bars = await readBars(db, userId, dataset, source.from, source.to)
  if (bars.length === 0) {
    return { bars: null, reason: `The dataset "${dataset.name}" has no bars in the chosen range` }
  }
  const range = source.from !== undefined || source.to !== undefined ? ' (chosen range)' : ''
  return {
    bars,
    description:
      `${bars.length} ${dataset.timeframe ?? ''} bars of ${dataset.symbol} from "${dataset.name}"${range}`.replace(
        '  ',
        ' ',
      ),
  }
}
