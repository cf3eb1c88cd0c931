import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { tradingAccounts } from '@tradeloom/drizzle'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { ForbiddenError, UnauthorizedError } from '../errors'
import { uuidParams } from '../ids'
import { validate } from '../validation'
import { CONNECTOR_FILE_NAME, connectorScript } from './connector-script'
import { requireTradingAccount, updateTradingAccount } from './queries'

const UTF8_BOM = '\uFEFF'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/

/** What the database stores for an account (connector) token: its SHA-256, hex. */
export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * `POST /api/trading-accounts/:id/connector`: a `TradeloomConnect.mq5` for this account with a
 * fresh account token baked in. Only the token's hash is kept, so each download replaces the
 * previous token (an older script is then refused).
 */
export const connectorRoutes = new Hono<AppEnv>().post(
  '/:id/connector',
  uuidParams({ id: 'Trading account' }),
  async (c) => {
    const { db, user, settings } = c.var
    const { id } = c.req.valid('param')
    const account = await requireTradingAccount(db, user.id, id)
    const token = randomBytes(32).toString('base64url')
    const source = connectorScript({
      serverUrl: settings.publicUrl,
      accountId: account.id,
      token,
      login: account.login,
    })
    await updateTradingAccount(db, user.id, id, { connectorTokenHash: hashAccountToken(token) })
    return c.body(UTF8_BOM + source, 200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${CONNECTOR_FILE_NAME}"`,
      'Cache-Control': 'no-store',
    })
  },
)

export const accountHelloBody = z.object({
  protocol: z.literal(1),
  login: z.string().regex(/^[0-9]{1,20}$/, 'must be the account number as decimal digits'),
  server: z.string().max(200),
  company: z.string().max(200),
  currency: z.string().max(16),
  marginMode: z.string().max(32),
  terminalBuild: z.number().int(),
  tradeAllowed: z.object({
    terminal: z.boolean(),
    program: z.boolean(),
    account: z.boolean(),
    expert: z.boolean(),
  }),
  timeGmt: z.number(),
})

export const accountHelloReply = z.object({
  accountId: z.uuid(),
  name: z.string(),
  message: z.string(),
})

function unauthorized(): UnauthorizedError {
  return new UnauthorizedError(
    'Unknown account or token: download the connector script again from the account page',
  )
}

/** Whether `token` hashes to `storedHash`, comparing in constant time (and always hashing). */
function accountTokenMatches(token: string, storedHash: string | null): boolean {
  const presented = Buffer.from(hashAccountToken(token), 'hex')
  const stored = Buffer.from(storedHash ?? '0'.repeat(64), 'hex')
  return (
    stored.length === presented.length && timingSafeEqual(presented, stored) && storedHash !== null
  )
}

/**
 * `POST /api/ea/v1/accounts/:id/hello`: the connector script's one request. Authenticated by the
 * account token (bearer), not a session; unknown account, missing or wrong token all get the same
 * 401. A terminal logged in to another account is refused (403 `account_mismatch`). Records when
 * and what the terminal said, which makes a live account's terminal count as live.
 */
export const eaAccountRoutes = new Hono<AppEnv>().post(
  '/:id/hello',
  async (c, next) => {
    const id = c.req.param('id') ?? ''
    const match = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')
    const token = match?.[1] ?? ''
    const [account] =
      UUID.test(id) && TOKEN.test(token)
        ? await c.var.db.select().from(tradingAccounts).where(eq(tradingAccounts.id, id))
        : []
    if (!accountTokenMatches(token, account?.connectorTokenHash ?? null)) throw unauthorized()
    await next()
  },
  validate('json', accountHelloBody),
  async (c) => {
    const { db } = c.var
    const id = c.req.param('id')
    const hello = c.req.valid('json')
    const [account] = await db.select().from(tradingAccounts).where(eq(tradingAccounts.id, id))
    if (account === undefined) throw unauthorized()
    if (hello.login !== account.login) {
      throw new ForbiddenError(
        'account_mismatch',
        `This terminal is logged in to account ${hello.login}, but Tradeloom account "${account.name}" is login ${account.login}: log in to ${account.login} or fix the login on the account page`,
      )
    }
    const now = new Date()
    await db
      .update(tradingAccounts)
      .set({
        terminalSeenAt: now,
        terminalInfo: { ...hello, receivedAt: now.toISOString(), via: 'connector' },
      })
      .where(eq(tradingAccounts.id, account.id))
    const warnings = [
      hello.server !== account.server &&
        `the terminal's server is ${hello.server}, the account says ${account.server}`,
      hello.currency !== account.currency &&
        `the terminal's currency is ${hello.currency}, the account says ${account.currency}`,
      !hello.tradeAllowed.terminal && 'AutoTrading is off in this terminal',
    ].filter((w): w is string => typeof w === 'string')
    return c.json({
      accountId: account.id,
      name: account.name,
      message:
        `Tradeloom account "${account.name}" sees this terminal now.` +
        (warnings.length === 0 ? '' : ` Note: ${warnings.join('; ')}.`),
    })
  },
)
