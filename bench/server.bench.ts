/**
 * The HTTP API under load and the job throughput, against the real server started as a child
 * process (`node --import tsx server/src/main.ts`) on a fresh PGlite folder, or on the PostgreSQL
 * of DATABASE_URL when it is set:
 *   server.api.get_strategy.p99_ms    GET /api/strategies/:id, 50 concurrent keep-alive connections
 *   server.api.save_version.p99_ms    POST /api/strategies/:id/versions (compile + store a new
 *                                     version each time), 50 connections, one strategy each
 *   server.jobs.backtests_per_min     small backtests (SMA cross, 2,000 synthetic bars) finished per
 *                                     minute by two workers: two worker processes on PostgreSQL, or
 *                                     two in-process workers (TRADELOOM_WORKERS_PER_QUEUE=2) on PGlite
 * Every phase is bounded in time and in requests. Latency is wall-clock per request, measured by
 * the client (this process), so it includes loopback HTTP and JSON on both sides.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strategyTemplates } from '../compiler/src/index.ts'
import { report } from './harness.ts'

const CONNECTIONS = 50
const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined
const root = path.resolve(import.meta.dirname, '..')

function startProcess(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(ready)
      if (match) resolve({ child, match })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}):\n${output}`)))
  })
}

interface Session {
  readonly origin: string
  readonly cookie: string
  readonly csrf: string
}

async function signIn(origin: string): Promise<Session> {
  const response = await fetch(`${origin}/api/auth/me`)
  const body = (await response.json()) as { csrfToken: string }
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('tradeloom_session='))!
  return { origin, cookie: cookie.split(';')[0]!, csrf: body.csrfToken }
}

// Bench code walks response JSON freely; a wrong path fails loudly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

async function call(
  session: Session,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${session.origin}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, json: text === '' ? null : JSON.parse(text) }
}

/**
 * Runs `request(worker, i)` from `CONNECTIONS` concurrent loops until `maxRequests` are done or
 * `maxSeconds` pass, after `warmup` untimed requests; returns the 99th percentile latency in ms.
 */
async function load(
  label: string,
  request: (worker: number, i: number) => Promise<number>,
  { warmup, maxRequests, maxSeconds }: { warmup: number; maxRequests: number; maxSeconds: number },
): Promise<number> {
  let issued = 0
  const latencies: number[] = []
  const runLoops = async (limit: number, deadline: number, record: boolean) => {
    issued = 0
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, worker) => {
        while (issued < limit && performance.now() < deadline) {
          const i = issued++
          const t0 = performance.now()
          const status = await request(worker, i)
          if (status >= 400) throw new Error(`${label}: HTTP ${status}`)
          if (record) latencies.push(performance.now() - t0)
        }
      }),
    )
  }
  await runLoops(warmup, performance.now() + 30_000, false)
  const started = performance.now()
  await runLoops(maxRequests, started + maxSeconds * 1000, true)
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const p = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
  console.error(
    `${label}: ${latencies.length} requests in ${seconds.toFixed(1)} s (${Math.round(latencies.length / seconds)}/s), ` +
      `p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms`,
  )
  return p(0.99)
}

const template = strategyTemplates.find((t) => t.id === 'sma-cross')!
const dataDir = mkdtempSync(path.join(tmpdir(), 'tradeloom-bench-'))
const schema = `pgboss_bench_${randomUUID().replaceAll('-', '').slice(0, 8)}`
const children: ChildProcess[] = []
const serverEnv: Record<string, string> = {
  PORT: '0',
  TRADELOOM_MODE: 'local',
  TRADELOOM_DATA_DIR: dataDir,
  TRADELOOM_JOB_SCHEMA: schema,
  // Two workers: separate processes on PostgreSQL, two in-process pollers on PGlite.
  ...(DATABASE_URL
    ? { TRADELOOM_IN_PROCESS_WORKERS: 'false' }
    : { TRADELOOM_WORKERS_PER_QUEUE: '2' }),
}

try {
  const { child, match } = await startProcess(
    'server/src/main.ts',
    serverEnv,
    /running at (http:\/\/\S+)/,
  )
  children.push(child)
  const origin = match[1]!
  console.error(`server at ${origin} on ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`)
  if (DATABASE_URL) {
    for (let i = 0; i < 2; i++) {
      const worker = await startProcess(
        'server/src/worker.ts',
        { TRADELOOM_JOB_SCHEMA: schema },
        /worker polling/,
      )
      children.push(worker.child)
    }
  }
  const session = await signIn(origin)

  // One strategy per connection, each with a first version.
  const strategies: string[] = []
  for (let i = 0; i < CONNECTIONS; i++) {
    const created = await call(session, 'POST', '/api/strategies', { name: `Bench ${i}` })
    strategies.push(created.json.id)
    await call(session, 'POST', `/api/strategies/${created.json.id}/versions`, {
      graph: template.graph,
    })
  }

  const getP99 = await load(
    'GET /api/strategies/:id',
    async (worker) => (await call(session, 'GET', `/api/strategies/${strategies[worker]}`)).status,
    { warmup: 500, maxRequests: 10_000, maxSeconds: 10 },
  )
  report('server.api.get_strategy.p99_ms', getP99, 'ms')

  // Every save is a new version: the slow MA's period changes with the request number.
  const saveP99 = await load(
    'POST /api/strategies/:id/versions',
    async (worker, i) => {
      const graph = structuredClone(template.graph)
      graph.nodes.find((n) => n.id === 'sma_slow')!.params.period = 30 + (i % 150)
      graph.nodes.find((n) => n.id === 'sma_slow')!.position = { x: i, y: 0 }
      const saved = await call(session, 'POST', `/api/strategies/${strategies[worker]}/versions`, {
        graph,
      })
      if (saved.status !== 201)
        throw new Error(`save returned ${saved.status}: ${JSON.stringify(saved.json)}`)
      return saved.status
    },
    { warmup: 100, maxRequests: 3_000, maxSeconds: 10 },
  )
  report('server.api.save_version.p99_ms', saveP99, 'ms')

  // Small backtests: queue them all, time until the last is final.
  const strategyId = strategies[0]!
  const versionId = (await call(session, 'GET', `/api/strategies/${strategyId}`)).json.latestVersion
    .id
  const enqueue = () =>
    call(session, 'POST', `/api/strategies/${strategyId}/versions/${versionId}/backtests`, {
      barCount: 2_000,
    })
  const waitAll = async (ids: string[], deadline: number) => {
    for (const id of ids) {
      for (;;) {
        const run = await call(session, 'GET', `/api/backtests/${id}`)
        if (run.json.status === 'completed') break
        if (run.json.status !== 'queued' && run.json.status !== 'running') {
          throw new Error(`backtest ${id} ended ${run.json.status}: ${run.json.error}`)
        }
        if (performance.now() > deadline) throw new Error('backtests did not finish in time')
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  }
  await waitAll([(await enqueue()).json.id, (await enqueue()).json.id], performance.now() + 60_000)
  const RUNS = 40
  const started = performance.now()
  const ids: string[] = []
  for (let i = 0; i < RUNS; i++) ids.push((await enqueue()).json.id)
  await waitAll(ids, started + 300_000)
  const minutes = (performance.now() - started) / 60_000
  console.error(`${RUNS} backtests in ${(minutes * 60).toFixed(1)} s`)
  report('server.jobs.backtests_per_min', RUNS / minutes, 'runs/min')
} finally {
  for (const child of children) child.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 1_500))
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
}
