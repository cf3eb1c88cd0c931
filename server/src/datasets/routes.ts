import { Hono } from 'hono'
import { importBars } from '@tradeloom/runtime'
import { TIMEFRAMES } from '@tradeloom/compiler'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { AppError, NotFoundError, ValidationError } from '../errors'
import { uuidParams } from '../ids'
import { validate } from '../validation'
import { toDatasetDto, toDatasetSummary } from './dto'
import type { BarsPageDto } from './dto'
import {
  BAR_COLUMNS,
  deleteDataset,
  insertDataset,
  listDatasets,
  barIndexRange,
  readBarRange,
  requireDataset,
} from './queries'
import type { BarColumns } from './queries'
import { readUploadText } from './read-upload'
import { timeParam } from './time-param'

const MAX_BARS_PER_PAGE = 50_000

export const uploadQuery = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
  filename: z.string().trim().max(255).optional(),
  symbol: z.string().trim().min(1, 'must not be empty').max(32).optional(),
  timeframe: z.enum(TIMEFRAMES).optional(),
  skipBadRows: z.enum(['true', 'false']).default('false'),
})

export const barsQuery = z.object({
  from: timeParam.optional(),
  to: timeParam.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_BARS_PER_PAGE, `must be at most ${MAX_BARS_PER_PAGE}`)
    .default(5_000),
})

/** `/api/datasets`: upload a bar file, list, read a range of bars, delete. */
export const datasetRoutes = new Hono<AppEnv>()
  .post('/', validate('query', uploadQuery), async (c) => {
    const { db, user, settings } = c.var
    const query = c.req.valid('query')
    const { text, bytes } = await readUploadText(c.req.raw, settings.maxUploadBytes)
    const symbol = query.symbol ?? guessSymbol(query.filename)
    if (symbol === undefined) {
      throw new ValidationError('Name the symbol: add ?symbol=EURUSD to the upload', [
        { path: 'symbol', message: 'is required (it could not be read from the file name)' },
      ])
    }
    const imported = importBars(text, { skipBadRows: query.skipBadRows === 'true' })
    const report = imported.report as unknown as Record<string, unknown>
    if (!imported.ok || imported.bars === null || imported.format === null) {
      const first = imported.report.errors[0]?.message ?? 'no valid bars'
      const hint = imported.report.errors.some((e) => e.line !== null && e.code !== 'no-header')
        ? ' (upload again with skipBadRows=true to drop bad rows)'
        : ''
      throw new AppError(400, 'import_failed', `The file could not be imported: ${first}${hint}`, {
        report,
      })
    }
    if (
      query.timeframe !== undefined &&
      imported.timeframe !== null &&
      imported.timeframe !== query.timeframe
    ) {
      throw new ValidationError(
        `The bars are ${imported.timeframe} apart, not ${query.timeframe}`,
        [{ path: 'timeframe', message: `the file holds ${imported.timeframe} bars` }],
      )
    }
    const bars = imported.bars
    const source = query.filename ?? 'upload'
    const row = await insertDataset(
      db,
      {
        userId: user.id,
        name: query.name ?? source.replace(/\.(csv|txt)$/i, ''),
        symbol: symbol.toUpperCase(),
        timeframe: imported.timeframe ?? query.timeframe ?? null,
        barCount: bars.length,
        firstTime: bars.time[0]!,
        lastTime: bars.time[bars.length - 1]!,
        source,
        format: imported.format,
        sizeBytes: bytes,
        report,
      },
      bars,
    )
    return c.json(toDatasetDto(row), 201)
  })
  .get('/', async (c) => {
    const { db, user } = c.var
    return c.json((await listDatasets(db, user.id)).map(toDatasetSummary))
  })
  .get('/:id', uuidParams({ id: 'Dataset' }), async (c) => {
    const { db, user } = c.var
    return c.json(toDatasetDto(await requireDataset(db, user.id, c.req.valid('param').id)))
  })
  .get('/:id/bars', uuidParams({ id: 'Dataset' }), validate('query', barsQuery), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const dataset = await requireDataset(db, user.id, id)
    const { start, end } = await barIndexRange(db, user.id, dataset, query.from, query.to)
    const offset = Math.min(start + query.offset, end)
    const stop = Math.min(end, offset + query.limit)
    const columns = (await readBarRange(db, user.id, id, offset, stop)) as BarColumns
    const page = Object.fromEntries(BAR_COLUMNS.map((name) => [name, Array.from(columns[name])]))
    const answer: BarsPageDto = {
      datasetId: id,
      total: end - start,
      offset: offset - start,
      count: stop - offset,
      ...(page as Pick<BarsPageDto, (typeof BAR_COLUMNS)[number]>),
    }
    return c.json(answer)
  })
  .delete('/:id', uuidParams({ id: 'Dataset' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    if (!(await deleteDataset(db, user.id, id))) throw new NotFoundError(`Dataset ${id} not found`)
    return c.body(null, 204)
  })

/** `EURUSD_M15_mt5.csv` → `EURUSD`: MT5 exports start with the symbol. */
function guessSymbol(filename: string | undefined): string | undefined {
  const match = filename?.match(/^([A-Za-z][A-Za-z0-9.#]{2,15})[_\-. ]/)
  return match?.[1]
}
