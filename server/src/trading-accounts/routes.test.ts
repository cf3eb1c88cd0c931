import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { deployments, tradingAccounts } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertDeployment, seedVersion } from '../guardrails/test-fixtures'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'

const LIVE = {
  name: 'FTMO demo',
  kind: 'live',
  broker: 'FTMO',
  server: 'FTMO-Demo',
  login: '51234567',
  marginMode: 'hedging',
  currency: 'usd',
  dayTimeZone: 'Europe/Athens',
}

const GER40 = {
  description: 'Germany 40',
  digits: 1,
  tickSize: 0.1,
  tickValue: 0.1,
  contractSize: 1,
  volumeMin: 0.1,
  volumeMax: 100,
  volumeStep: 0.1,
  typicalSpread: 15,
}

/** One symbol as TradeloomSymbolExport.mq5 writes it. */
function exported(name: string, changes: Record<string, unknown> = {}) {
  return {
    name,
    description: `${name} export`,
    digits: 5,
    point: 0.00001,
    tickSize: 0.00001,
    tickValue: 1,
    contractSize: 100_000,
    volumeMin: 0.01,
    volumeMax: 50,
    volumeStep: 0.01,
    spread: 7,
    stopsLevel: 0,
    currencyBase: name.slice(0, 3),
    currencyProfit: name.slice(3),
    currencyMargin: name.slice(0, 3),
    ...changes,
  }
}

function exportFile(symbols: unknown[]) {
  return JSON.stringify({
    format: 'tradeloom-symbols',
    version: 1,
    exportedAt: '2026-01-05T10:00:00Z',
    account: {
      login: '51234567',
      server: 'FTMO-Demo',
      company: 'FTMO',
      currency: 'USD',
      marginMode: 'hedging',
    },
    symbols,
  })
}

describe.each(databaseTargets())('trading accounts on $name', (target) => {
  let server: TestServer
  let db: Db

  beforeAll(async () => {
    server = await startTestServer(target, { workers: false })
    db = server.services.database.db
  })
  afterAll(() => server?.close())

  const importFile = (id: string, text: string, mode = 'merge') =>
    server.request(`/api/trading-accounts/${id}/symbols/import?mode=${mode}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    })

  it('creates a live account with every field named, and the built-in catalogue', async () => {
    const created = await server.call('POST', '/api/trading-accounts', LIVE)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'FTMO demo',
      kind: 'live',
      broker: 'FTMO',
      server: 'FTMO-Demo',
      login: '51234567',
      marginMode: 'hedging',
      currency: 'USD',
      dayTimeZone: 'Europe/Athens',
      terminalSeenAt: null,
      terminalLive: false,
    })
    const names = created.body.symbols.map((s: { name: string }) => s.name)
    expect(names).toEqual(['AAPL', 'BTCUSD', 'EURUSD', 'GBPUSD', 'US500', 'USDJPY', 'XAUUSD'])
    expect(created.body.symbols[2]).toMatchObject({
      name: 'EURUSD',
      digits: 5,
      point: 0.00001,
      volumeStep: 0.01,
    })
    const again = await server.call('GET', `/api/trading-accounts/${created.body.id}`)
    expect(again.body).toEqual(created.body)
  })

  it('refuses a live account without its identity, naming each missing field', async () => {
    const response = await server.call('POST', '/api/trading-accounts', { name: 'x', kind: 'live' })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('validation_failed')
    expect(response.body.error.details.issues).toEqual(
      ['broker', 'server', 'login', 'marginMode', 'currency'].map((path) => ({
        path,
        message: 'is required for a live account',
      })),
    )
  })

  it('names the bad field of a malformed account', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ login: '5123-4567' }, 'login', /decimal digits/],
      [{ currency: 'dollars' }, 'currency', /three-letter/],
      [{ dayTimeZone: 'Mars/Olympus' }, 'dayTimeZone', /IANA time zone/],
      [{ initialBalance: -5 }, 'initialBalance', /above 0/],
      [{ marginMode: 'exchange' }, 'marginMode', /netting|hedging/],
      [{ name: '  ' }, 'name', /must not be empty/],
    ]
    for (const [change, path, message] of cases) {
      const response = await server.call('POST', '/api/trading-accounts', { ...LIVE, ...change })
      expect(response.status, path).toBe(400)
      expect(response.body.error.details.issues[0].path).toBe(path)
      expect(response.body.error.details.issues[0].message).toMatch(message)
    }
  })

  it('fills in a paper account, which always counts as a live terminal', async () => {
    const response = await server.call('POST', '/api/trading-accounts', {
      name: 'Paper',
      kind: 'paper',
      initialBalance: 25_000,
    })
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({
      broker: 'Tradeloom Paper',
      server: 'Tradeloom-Paper',
      currency: 'USD',
      marginMode: 'netting',
      dayTimeZone: 'UTC',
      initialBalance: 25_000,
      terminalLive: true,
    })
    expect(response.body.login).toMatch(/^[1-9][0-9]{7}$/)
  })

  it('lists, changes and deletes accounts', async () => {
    const a = await server.call('POST', '/api/trading-accounts', { name: 'A', kind: 'paper' })
    const list = await server.call('GET', '/api/trading-accounts')
    expect(list.body.map((x: { id: string }) => x.id)).toContain(a.body.id)

    const patched = await server.call('PATCH', `/api/trading-accounts/${a.body.id}`, {
      name: 'Renamed',
      dayTimeZone: 'America/New_York',
    })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({
      name: 'Renamed',
      dayTimeZone: 'America/New_York',
      kind: 'paper',
    })
    expect((await server.call('PATCH', `/api/trading-accounts/${a.body.id}`, {})).status).toBe(400)

    expect((await server.call('DELETE', `/api/trading-accounts/${a.body.id}`)).status).toBe(204)
    expect((await server.call('GET', `/api/trading-accounts/${a.body.id}`)).status).toBe(404)
    expect((await server.call('DELETE', `/api/trading-accounts/${a.body.id}`)).status).toBe(404)
  })

  it('refuses to delete an account while a deployment on it runs', async () => {
    const account = await server.call('POST', '/api/trading-accounts', {
      name: 'Busy',
      kind: 'paper',
    })
    const version = await seedVersion(server)
    const running = await insertDeployment(db, {
      userId: server.user.id,
      accountId: account.body.id,
      ...version,
      status: 'STALE',
    })
    const refused = await server.call('DELETE', `/api/trading-accounts/${account.body.id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({
      code: 'account_in_use',
      details: { deploymentIds: [running.id] },
    })
    expect(refused.body.error.message).toMatch(/1 running deployment\(s\): stop them/)
    await insertDeployment(db, {
      userId: server.user.id,
      accountId: account.body.id,
      ...version,
      status: 'STOPPED',
    })
    await db.update(deployments).set({ status: 'STOPPED' }).where(eq(deployments.id, running.id))
    expect((await server.call('DELETE', `/api/trading-accounts/${account.body.id}`)).status).toBe(
      204,
    )
  })

  it('adds, replaces and removes one symbol, with the runtime naming a bad field', async () => {
    const { body: account } = await server.call('POST', '/api/trading-accounts', LIVE)
    const base = `/api/trading-accounts/${account.id}/symbols`
    const added = await server.call('PUT', `${base}/GER40`, GER40)
    expect(added.status).toBe(200)
    expect(added.body.symbols.find((s: { name: string }) => s.name === 'GER40')).toEqual({
      name: 'GER40',
      ...GER40,
      point: 0.1,
      pipSize: 0.1,
      stopsLevel: 0,
    })
    const replaced = await server.call('PUT', `${base}/GER40`, { ...GER40, typicalSpread: 20 })
    expect(replaced.body.symbols.filter((s: { name: string }) => s.name === 'GER40')).toHaveLength(
      1,
    )
    expect(
      replaced.body.symbols.find((s: { name: string }) => s.name === 'GER40').typicalSpread,
    ).toBe(20)

    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ volumeMax: 0.05 }, 'volumeMax', /volumeMax 0\.05 is below volumeMin 0\.1/],
      [{ tickSize: 0 }, 'tickSize', /tickSize must be a positive number, got 0/],
      [{ digits: 11 }, 'digits', /digits must be an integer from 0 to 10/],
      [{ digits: 1.5 }, 'digits', /integer/],
      [{ typicalSpread: -1 }, 'typicalSpread', /typicalSpread must be a number >= 0/],
    ]
    for (const [change, path, message] of cases) {
      const response = await server.call('PUT', `${base}/GER40`, { ...GER40, ...change })
      expect(response.status, path).toBe(400)
      expect(response.body.error.details.issues).toEqual([
        { path, message: expect.stringMatching(message) },
      ])
    }
    const badName = await server.call('PUT', `${base}/${encodeURIComponent('GER 40')}`, GER40)
    expect(badName.body.error.details.issues[0]).toMatchObject({ path: 'name' })

    const removed = await server.call('DELETE', `${base}/GER40`)
    expect(removed.body.symbols.map((s: { name: string }) => s.name)).not.toContain('GER40')
    expect((await server.call('DELETE', `${base}/GER40`)).status).toBe(404)
  })

  it('imports an exporter file: good symbols saved, a bad one reported, nothing else lost', async () => {
    const { body: account } = await server.call('POST', '/api/trading-accounts', LIVE)
    const file = exportFile([
      exported('EURUSD', { spread: 3 }),
      exported('EURGBP'),
      exported('XAGUSD', { digits: 3, point: 0.001, tickSize: 0.001, tickValue: 0 }),
      exported('EURUSD', { spread: 99 }),
    ])
    const response = await importFile(account.id, file)
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      imported: number
      errors: unknown[]
      warnings: string[]
    }
    expect(body.imported).toBe(2)
    expect(body.errors).toEqual([
      {
        index: 2,
        name: 'XAGUSD',
        field: 'tickValue',
        message: expect.stringMatching(/tickValue must be a positive number/),
      },
      { index: 3, name: 'EURUSD', field: 'name', message: expect.stringMatching(/appears twice/) },
    ])
    expect(body.warnings).toEqual([])
    const after = (await server.call('GET', `/api/trading-accounts/${account.id}`)).body
    const names = after.symbols.map((s: { name: string }) => s.name)
    expect(names).toEqual([
      'AAPL',
      'BTCUSD',
      'EURGBP',
      'EURUSD',
      'GBPUSD',
      'US500',
      'USDJPY',
      'XAUUSD',
    ])
    expect(after.symbols.find((s: { name: string }) => s.name === 'EURUSD')).toMatchObject({
      typicalSpread: 3,
      volumeMax: 50,
      description: 'EURUSD export',
    })

    // Replace: the file becomes the catalogue, but a refused symbol keeps its old spec.
    const replace = await importFile(
      account.id,
      exportFile([exported('EURUSD', { spread: 4 }), exported('GBPUSD', { volumeStep: 0 })]),
      'replace',
    )
    expect(((await replace.json()) as { imported: number }).imported).toBe(1)
    const replaced = (await server.call('GET', `/api/trading-accounts/${account.id}`)).body
    expect(
      replaced.symbols.map((s: { name: string; typicalSpread: number }) => [
        s.name,
        s.typicalSpread,
      ]),
    ).toEqual([
      ['EURUSD', 4],
      ['GBPUSD', 14],
    ])
  })

  it('saves nothing from a file that is not an exporter file', async () => {
    const { body: account } = await server.call('POST', '/api/trading-accounts', LIVE)
    for (const text of ['not json', JSON.stringify({ format: 'other', symbols: [] })]) {
      const response = await importFile(account.id, text, 'replace')
      expect(response.status).toBe(400)
      const body = (await response.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('import_failed')
    }
    const after = (await server.call('GET', `/api/trading-accounts/${account.id}`)).body
    expect(after.symbols).toEqual(account.symbols)
    // A file for another login imports, with a warning.
    const other = JSON.parse(exportFile([exported('EURUSD')])) as { account: { login: string } }
    other.account.login = '999'
    const warned = await importFile(account.id, JSON.stringify(other))
    expect(((await warned.json()) as { warnings: string[] }).warnings[0]).toMatch(
      /exported from account 999/,
    )
  })

  it('hands out a connector script whose token makes the terminal live', async () => {
    const { body: account } = await server.call('POST', '/api/trading-accounts', LIVE)
    const download = await server.request(`/api/trading-accounts/${account.id}/connector`, {
      method: 'POST',
    })
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toBe(
      'attachment; filename="TradeloomConnect.mq5"',
    )
    const script = (await download.text()).replace(/^\uFEFF/, '')
    const token = /#define TL_CONNECT_ACCOUNT_TOKEN "([A-Za-z0-9_-]+)"/.exec(script)?.[1] ?? ''
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(script).toContain(`#define TL_CONNECT_ACCOUNT_ID    "${account.id}"`)
    expect(script).toContain('#define TL_CONNECT_SERVER_URL    "http://127.0.0.1:8787"')
    expect(script).toContain('#define TL_CONNECT_LOGIN         "51234567"')
    expect(script).not.toMatch(/__TRADELOOM_|#include <Tradeloom/)
    expect(script).toContain('string TlJsonQuote(const string value)') // the JSON helpers, inlined
    const [row] = await db.select().from(tradingAccounts).where(eq(tradingAccounts.id, account.id))
    expect(row!.connectorTokenHash).toBe(createHash('sha256').update(token).digest('hex'))

    const hello = (id: string, auth: string | null, login = '51234567') =>
      server.anonymous(`/api/ea/v1/accounts/${id}/hello`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth === null ? {} : { authorization: `Bearer ${auth}` }),
        },
        body: JSON.stringify({
          protocol: 1,
          login,
          server: 'FTMO-Demo',
          company: 'FTMO S.R.O.',
          currency: 'USD',
          marginMode: 'hedging',
          terminalBuild: 4755,
          tradeAllowed: { terminal: true, program: true, account: true, expert: true },
          timeGmt: 1_767_225_600,
          unknownMember: 'ignored',
        }),
      })
    const refusals = [
      await hello(account.id, null),
      await hello(account.id, 'x'.repeat(43)),
      await hello('00000000-0000-4000-8000-000000000000', token),
    ]
    const bodies = await Promise.all(refusals.map((r) => r.json()))
    expect(refusals.map((r) => r.status)).toEqual([401, 401, 401])
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1)

    const mismatch = await hello(account.id, token, '7777')
    expect(mismatch.status).toBe(403)
    expect(((await mismatch.json()) as { error: { code: string } }).error.code).toBe(
      'account_mismatch',
    )
    expect(
      (await server.call('GET', `/api/trading-accounts/${account.id}`)).body.terminalLive,
    ).toBe(false)

    const accepted = await hello(account.id, token)
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toEqual({
      accountId: account.id,
      name: 'FTMO demo',
      message: 'Tradeloom account "FTMO demo" sees this terminal now.',
    })
    const seen = (await server.call('GET', `/api/trading-accounts/${account.id}`)).body
    expect(seen.terminalLive).toBe(true)
    expect(Date.now() - Date.parse(seen.terminalSeenAt)).toBeLessThan(60_000)
    const [stored] = await db
      .select()
      .from(tradingAccounts)
      .where(eq(tradingAccounts.id, account.id))
    expect(stored!.terminalInfo).toMatchObject({
      company: 'FTMO S.R.O.',
      terminalBuild: 4755,
      via: 'connector',
    })
    expect(stored!.terminalInfo).not.toHaveProperty('unknownMember')

    // A new download replaces the token: the old script is refused.
    await server.request(`/api/trading-accounts/${account.id}/connector`, { method: 'POST' })
    expect((await hello(account.id, token)).status).toBe(401)
  })
})
