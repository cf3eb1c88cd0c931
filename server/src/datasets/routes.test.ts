import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { datasetBars, datasets } from '@tradeloom/drizzle'
import { count } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticCsv } from '../test-support/csv'
import { uploadCsv } from '../test-support/fixtures'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'

const SHARED = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)), '../shared/data')
const REAL_FILE = path.join(SHARED, 'EURUSD_H1_mt5_small.csv')

describe.each(databaseTargets())('datasets on $name', (target) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(() => server?.close())

  async function stored() {
    const db = server.services.database.db
    const [meta] = await db.select({ n: count() }).from(datasets)
    const [bars] = await db.select({ n: count() }).from(datasetBars)
    return { datasets: meta!.n, bars: bars!.n }
  }

  it.skipIf(!existsSync(REAL_FILE))(
    'imports a real MT5 export with its quality report',
    async () => {
      const text = readFileSync(REAL_FILE, 'utf8')
      const response = await uploadCsv(server, text, 'filename=EURUSD_H1_mt5_small.csv')
      expect(response.status).toBe(201)
      const body = (await response.json()) as Record<string, unknown> & {
        report: { counts: object }
      }
      expect(body).toMatchObject({
        name: 'EURUSD_H1_mt5_small',
        symbol: 'EURUSD',
        timeframe: 'H1',
        source: 'EURUSD_H1_mt5_small.csv',
        format: 'mt5-export',
        sizeBytes: Buffer.byteLength(text),
        from: '2025-06-23T00:00:00.000Z',
      })
      expect(body.barCount).toBe(text.trim().split('\n').length - 1)
      expect(body.report).toHaveProperty('warnings')
      const list = await server.call('GET', '/api/datasets')
      expect(list.body[0]).toMatchObject({ id: body.id, barCount: body.barCount })
      expect(list.body[0]).not.toHaveProperty('report')
    },
  )

  it('reads ranges of bars by index and by time, compactly', async () => {
    const csv = syntheticCsv(300)
    const { id } = (await (await uploadCsv(server, csv)).json()) as { id: string }
    const rows = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
    const page = await server.call('GET', `/api/datasets/${id}/bars?offset=10&limit=5`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ datasetId: id, total: 300, offset: 10, count: 5 })
    expect(page.body.open).toEqual(rows.slice(10, 15).map((r) => Number(r[2])))
    expect(page.body.spread).toEqual(rows.slice(10, 15).map((r) => Number(r[8])))

    const t0 = page.body.time[0] as number
    const byTime = await server.call(
      'GET',
      `/api/datasets/${id}/bars?from=${new Date(t0 * 1000).toISOString()}&to=${t0 + 3 * 3600}`,
    )
    expect(byTime.body).toMatchObject({ total: 4, offset: 0, count: 4 })
    expect(byTime.body.time).toEqual([t0, t0 + 3600, t0 + 7200, t0 + 10800])
    const bad = await server.call('GET', `/api/datasets/${id}/bars?from=yesterday&limit=0`)
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'from',
      'limit',
    ])
  })

  it('rejects bad rows naming the line, stores nothing, and can skip them instead', async () => {
    const before = await stored()
    const lines = syntheticCsv(50).split('\n')
    lines[7] = lines[7]!.replace(/\t[\d.]+\t/, '\tabc\t')
    const bad = await uploadCsv(server, lines.join('\n'))
    expect(bad.status).toBe(400)
    const error = (
      (await bad.json()) as {
        error: {
          code: string
          message: string
          details: { report: { errors: { line: number }[] } }
        }
      }
    ).error
    expect(error.code).toBe('import_failed')
    expect(error.message).toMatch(/^The file could not be imported: line 8: .*skipBadRows=true/)
    expect(error.details.report.errors[0]!.line).toBe(8)
    expect(await stored()).toEqual(before)

    const skipped = await uploadCsv(server, lines.join('\n'), 'symbol=EURUSD&skipBadRows=true')
    expect(skipped.status).toBe(201)
    const body = (await skipped.json()) as {
      barCount: number
      skippedCount: number
      report: { skipped: { line: number }[] }
    }
    expect(body.barCount).toBe(49)
    expect(body.skippedCount).toBe(1)
    expect(body.report.skipped[0]!.line).toBe(8)
  })

  it('refuses oversized, empty, form and symbol-less uploads with a message, storing nothing', async () => {
    const before = await stored()
    const limit = server.settings.maxUploadBytes
    const big = syntheticCsv(Math.ceil((limit * 1.2) / 60))
    const tooBig = await uploadCsv(server, big)
    expect(tooBig.status).toBe(413)
    expect(await tooBig.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'The file is larger than the upload limit of 2 MB',
      },
    })
    // Streamed without a Content-Length: stopped while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(big)
        for (let i = 0; i < bytes.length; i += 65_536)
          controller.enqueue(bytes.slice(i, i + 65_536))
        controller.close()
      },
    })
    const streamed = await server.request('/api/datasets?symbol=EURUSD', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)

    const empty = await uploadCsv(server, '')
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe(
      'The upload is empty: send the CSV file as the request body',
    )
    const form = new FormData()
    form.append('file', new Blob([syntheticCsv(10)]), 'bars.csv')
    const formUpload = await server.request('/api/datasets?symbol=EURUSD', {
      method: 'POST',
      body: form,
    })
    expect(formUpload.status).toBe(415)
    const noSymbol = await uploadCsv(server, syntheticCsv(10), 'name=x')
    expect(noSymbol.status).toBe(400)
    expect(
      ((await noSymbol.json()) as { error: { details: { issues: { path: string }[] } } }).error
        .details.issues[0]!.path,
    ).toBe('symbol')
    const garbage = await uploadCsv(server, 'hello\nworld\n')
    expect(garbage.status).toBe(400)
    const wrongTf = await uploadCsv(server, syntheticCsv(20), 'symbol=EURUSD&timeframe=D1')
    expect(wrongTf.status).toBe(400)
    expect(((await wrongTf.json()) as { error: { message: string } }).error.message).toBe(
      'The bars are H1 apart, not D1',
    )
    expect(await stored()).toEqual(before)
  })

  it('deletes a data set and its bars', async () => {
    const { id } = (await (await uploadCsv(server, syntheticCsv(20))).json()) as { id: string }
    const before = await stored()
    expect((await server.call('DELETE', `/api/datasets/${id}`)).status).toBe(204)
    expect(await stored()).toEqual({ datasets: before.datasets - 1, bars: before.bars - 1 })
    expect((await server.call('GET', `/api/datasets/${id}`)).status).toBe(404)
    expect((await server.call('GET', `/api/datasets/${id}/bars`)).status).toBe(404)
  })
})
