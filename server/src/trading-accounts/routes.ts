import { randomInt } from 'node:crypto'
import { Hono } from 'hono'
import { MARGIN_MODES, TRADING_ACCOUNT_KINDS } from '@tradeloom/drizzle'
import { DEFAULT_BACKTEST_CONFIG } from '@tradeloom/runtime'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { liveDeployments } from '../deployments/control'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { isKnownTimeZone } from '../guardrails/account-day'
import { uuidParams } from '../ids'
import { issuesFromZod, validate } from '../validation'
import { toTradingAccountDto } from './dto'
import {
  deleteTradingAccount,
  insertTradingAccount,
  listTradingAccounts,
  requireTradingAccount,
  updateTradingAccount,
} from './queries'
import {
  defaultCatalogue,
  symbolBody,
  symbolName,
  upsertSymbol,
  validateSymbol,
} from './symbol-catalogue'
import { importQuery, importSymbols } from './symbol-import'

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
const login = z
  .string()
  .trim()
  .regex(/^[0-9]{1,20}$/, 'must be the account number: 1 to 20 decimal digits')
const currency = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD'))
const dayTimeZone = z
  .string()
  .trim()
  .refine(isKnownTimeZone, 'must be an IANA time zone such as UTC or Europe/Athens')
const initialBalance = z.number().positive('must be above 0').max(1e12, 'must be at most 1e12')

/** Paper accounts name the simulator as their broker and server. */
export const PAPER_BROKER = 'Tradeloom Paper'
export const PAPER_SERVER = 'Tradeloom-Paper'

const LIVE_REQUIRED = ['broker', 'server', 'login', 'marginMode', 'currency'] as const

export const createTradingAccountBody = z
  .object({
    name: text(120),
    kind: z.enum(TRADING_ACCOUNT_KINDS),
    broker: text(120).optional(),
    server: text(120).optional(),
    login: login.optional(),
    marginMode: z.enum(MARGIN_MODES).optional(),
    currency: currency.optional(),
    dayTimeZone: dayTimeZone.default('UTC'),
    initialBalance: initialBalance.default(10_000),
  })
  .superRefine((body, ctx) => {
    if (body.kind !== 'live') return
    for (const field of LIVE_REQUIRED) {
      if (body[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'is required for a live account' })
      }
    }
  })

export const updateTradingAccountBody = z
  .object({
    name: text(120).optional(),
    broker: text(120).optional(),
    server: text(120).optional(),
    login: login.optional(),
    marginMode: z.enum(MARGIN_MODES).optional(),
    currency: currency.optional(),
    dayTimeZone: dayTimeZone.optional(),
    initialBalance: initialBalance.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message:
      'name at least one of name, broker, server, login, marginMode, currency, dayTimeZone, initialBalance',
  })

const accountId = uuidParams({ id: 'Trading account' })

/** The `:name` of a symbol route, validated like a symbol name in a body. */
function symbolNameParam(raw: string | undefined): string {
  const parsed = symbolName.safeParse(raw ?? '')
  if (parsed.success) return parsed.data
  const issues = issuesFromZod(parsed.error, 'name')
  throw new ValidationError(`Invalid symbol name: ${issues[0]?.message ?? 'invalid'}`, issues)
}

/**
 * `/api/trading-accounts`: the user's MetaTrader and paper accounts and their symbol catalogues.
 */
export const tradingAccountRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db, user } = c.var
    const now = new Date()
    const rows = await listTradingAccounts(db, user.id)
    return c.json(rows.map((row) => toTradingAccountDto(row, now)))
  })
  .post('/', validate('json', createTradingAccountBody), async (c) => {
    const { db, user } = c.var
    const body = c.req.valid('json')
    const paper = body.kind === 'paper'
    const row = await insertTradingAccount(db, user.id, {
      name: body.name,
      kind: body.kind,
      broker: body.broker ?? PAPER_BROKER,
      server: body.server ?? PAPER_SERVER,
      // Paper logins only tell accounts apart on the paper terminal's hello.
      login: body.login ?? String(randomInt(10_000_000, 100_000_000)),
      marginMode: body.marginMode ?? (paper ? DEFAULT_BACKTEST_CONFIG.accountMode : 'netting'),
      currency: body.currency ?? 'USD',
      dayTimeZone: body.dayTimeZone,
      initialBalance: body.initialBalance,
      symbols: defaultCatalogue(),
    })
    return c.json(toTradingAccountDto(row, new Date()), 201)
  })
  .get('/:id', accountId, async (c) => {
    const { db, user } = c.var
    const row = await requireTradingAccount(db, user.id, c.req.valid('param').id)
    return c.json(toTradingAccountDto(row, new Date()))
  })
  .patch('/:id', accountId, validate('json', updateTradingAccountBody), async (c) => {
    const { db, user } = c.var
    const row = await updateTradingAccount(
      db,
      user.id,
      c.req.valid('param').id,
      c.req.valid('json'),
    )
    return c.json(toTradingAccountDto(row, new Date()))
  })
  .delete('/:id', accountId, async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    await db.transaction(async (tx) => {
      await requireTradingAccount(tx, user.id, id, true)
      const live = await liveDeployments(tx, user.id, id)
      if (live.length > 0) {
        throw new ConflictError(
          `Trading account ${id} has ${live.length} running deployment(s): stop them before deleting the account`,
          { deploymentIds: live.map((d) => d.id) },
          undefined,
          'account_in_use',
        )
      }
      if (!(await deleteTradingAccount(tx, user.id, id))) {
        throw new NotFoundError(`Trading account ${id} not found`)
      }
    })
    return c.body(null, 204)
  })
  .put('/:id/symbols/:name', accountId, validate('json', symbolBody), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const name = symbolNameParam(c.req.param('name'))
    const symbol = validateSymbol(name, c.req.valid('json'))
    const row = await db.transaction(async (tx) => {
      const account = await requireTradingAccount(tx, user.id, id, true)
      return updateTradingAccount(tx, user.id, id, {
        symbols: upsertSymbol(account.symbols, symbol),
      })
    })
    return c.json(toTradingAccountDto(row, new Date()))
  })
  .delete('/:id/symbols/:name', accountId, async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const name = c.req.param('name')
    const row = await db.transaction(async (tx) => {
      const account = await requireTradingAccount(tx, user.id, id, true)
      if (!account.symbols.some((s) => s.name === name)) {
        throw new NotFoundError(`Symbol ${name} not found in trading account ${id}`)
      }
      return updateTradingAccount(tx, user.id, id, {
        symbols: account.symbols.filter((s) => s.name !== name),
      })
    })
    return c.json(toTradingAccountDto(row, new Date()))
  })
  .post('/:id/symbols/import', accountId, validate('query', importQuery), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const { mode } = c.req.valid('query')
    const text = await c.req.text()
    const answer = await db.transaction(async (tx) => {
      const account = await requireTradingAccount(tx, user.id, id, true)
      const { catalogue, ...result } = importSymbols(account, text, mode)
      // A file without one usable symbol changes nothing, in either mode.
      if (result.imported > 0) {
        await updateTradingAccount(tx, user.id, id, { symbols: catalogue })
      }
      return result
    })
    return c.json(answer)
  })
