/**
 * Web IDE benchmarks, measured in Chromium by Playwright against the real app (built web + real
 * server on a throw-away PGlite database), not by a timed test:
 *
 * - `web.preview.edit_to_chart.ms_median`: a parameter change in the inspector (the input event)
 *   to the chart drawn with the new backtest (the frame after the new series went in), on
 *   100,000 synthetic bars. Includes compiling on the main thread, the worker's compile +
 *   backtest, the transfer, and the chart update. Median of 9 edits after 2 warm-up edits.
 * - `web.canvas.300_nodes.fps`: frames per second while panning a 300-block graph by dragging
 *   the canvas for 3 seconds (requestAnimationFrame callbacks counted in the page).
 *
 * Wall-clock time in the browser (performance.now), unlike the CPU-time figures of the other
 * bench files: what a user waits for is wall time. Run it on a quiet machine.
 */
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import type { Page } from '@playwright/test'
import { strategyTemplates } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'
import { report } from './harness'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PORT = Number(process.env.WEB_BENCH_PORT ?? 8797)
const BASE = `http://127.0.0.1:${PORT}`

async function waitForHealth(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`the server did not answer on ${BASE} within ${timeoutMs} ms`)
}

/** A 300-block graph: price, 297 chained SMAs laid out on a grid, a cross and an entry. */
function bigGraph(): StrategyGraph {
  const base = structuredClone(strategyTemplates[0]!.graph)
  const nodes: StrategyGraph['nodes'] = [
    { id: 'price', kind: 'price', params: { field: 'close' }, position: { x: 0, y: 0 } },
  ]
  const edges: StrategyGraph['edges'] = []
  for (let i = 1; i <= 297; i++) {
    nodes.push({
      id: `sma_${i}`,
      kind: 'sma',
      params: { period: 2 + (i % 5) },
      position: { x: (i % 20) * 300, y: Math.floor(i / 20) * 220 },
    })
    edges.push({
      id: `e${i}`,
      source: i === 1 ? 'price' : `sma_${i - 1}`,
      sourcePort: 'value',
      target: `sma_${i}`,
      targetPort: 'source',
    })
  }
  nodes.push({ id: 'cross', kind: 'cross-above', params: {}, position: { x: 0, y: 3600 } })
  nodes.push({ id: 'buy', kind: 'enter-long', params: {}, position: { x: 300, y: 3600 } })
  edges.push({ id: 'c1', source: 'price', sourcePort: 'value', target: 'cross', targetPort: 'a' })
  edges.push({ id: 'c2', source: 'sma_297', sourcePort: 'value', target: 'cross', targetPort: 'b' })
  edges.push({ id: 'c3', source: 'cross', sourcePort: 'result', target: 'buy', targetPort: 'when' })
  return { ...base, meta: { ...base.meta, name: 'Bench 300 blocks' }, nodes, edges }
}

async function editToChart(page: Page): Promise<number> {
  await page.goto(BASE)
  await page.getByTestId('tab-data').click()
  await page.getByTestId('synthetic-size').selectOption('100000')
  const chart = page.getByTestId('price-chart')
  await chart.and(page.locator('[data-candle-count="100000"]')).waitFor({ timeout: 60_000 })
  await page.getByTestId('tab-inspect').click()
  await page.locator('.react-flow__node[data-id="sma_fast"]').click()
  const period = page.getByTestId('param-period').getByRole('spinbutton')
  // Page scripts are strings: this file is typechecked without the DOM library, and tsx would
  // wrap inner functions in a helper the page does not have.
  await page.evaluate(
    "document.addEventListener('input', () => { window.editAt = performance.now() }, true)",
  )
  const times: number[] = []
  for (let i = 0; i < 11; i++) {
    const before = await chart.getAttribute('data-rendered')
    await period.fill(String(11 + i))
    await page.waitForFunction(
      `document.querySelector('[data-testid="price-chart"]')?.getAttribute('data-rendered') !== ${JSON.stringify(before)}`,
      undefined,
      { timeout: 30_000 },
    )
    const ms = Number(
      await page.evaluate(
        `Number(document.querySelector('[data-testid="price-chart"]').getAttribute('data-rendered')) - window.editAt`,
      ),
    )
    const split = await page.evaluate(`(() => {
      const at = (name) => (performance.getEntriesByName(name).at(-1)?.startTime ?? NaN) - window.editAt
      return 'worker ' + at('tradeloom:preview-start').toFixed(0) + '→' + at('tradeloom:preview-result').toFixed(0) + ' ms'
    })()`)
    console.error(`edit ${i}: ${ms.toFixed(0)} ms (${split})`)
    if (i >= 2) times.push(ms)
    // Let the edit stand alone (the preview coalesces edits closer than 150 ms).
    await page.waitForTimeout(400)
  }
  times.sort((a, b) => a - b)
  console.error(`edit→chart ms: ${times.map((t) => t.toFixed(0)).join(' ')}`)
  return times[Math.floor(times.length / 2)]!
}

async function panFps(page: Page): Promise<number> {
  const created = await page.evaluate(async (graph) => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string | null }
    const headers = {
      'content-type': 'application/json',
      ...(me.csrfToken ? { 'x-csrf-token': me.csrfToken } : {}),
    }
    const strategy = (await (
      await fetch('/api/strategies', {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: graph.meta.name }),
      })
    ).json()) as { id: string }
    const saved = await fetch(`/api/strategies/${strategy.id}/versions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ graph }),
    })
    if (!saved.ok) throw new Error(`saving the 300-block graph failed: ${await saved.text()}`)
    return strategy.id
  }, bigGraph())
  await page.goto(`${BASE}/?strategy=${created}`)
  await page.getByTestId('strategy-node').first().waitFor()
  // Pan an idle page: the first preview of the big graph must be on the chart already.
  await page
    .getByTestId('price-chart')
    .and(page.locator('[data-rendered]'))
    .waitFor({ timeout: 60_000 })
  await page.waitForTimeout(1000)
  const box = (await page.getByTestId('canvas').boundingBox())!
  // Zoom in to a working scale, where panning brings blocks in and out of view.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -200)
  await page.waitForTimeout(500)
  const start = (await page.evaluate(`(() => {
    for (let dy = 0.2; dy < 0.9; dy += 0.05)
      for (let dx = 0.1; dx < 0.9; dx += 0.05) {
        const px = ${box.x} + ${box.width} * dx
        const py = ${box.y} + ${box.height} * dy
        if (document.elementFromPoint(px, py)?.classList.contains('react-flow__pane')) return { px, py }
      }
    return null
  })()`)) as { px: number; py: number } | null
  if (!start) throw new Error('found no empty spot on the canvas to start panning from')
  await page.evaluate(`(() => {
    window.framesCounted = 0
    window.counting = true
    const tick = () => {
      window.framesCounted++
      if (window.counting) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  const t0 = Date.now()
  await page.mouse.move(start.px, start.py)
  await page.mouse.down()
  let step = 0
  while (Date.now() - t0 < 3000) {
    const phase = (step++ % 120) / 120
    const dx = Math.sin(phase * Math.PI * 2) * 250
    const dy = Math.cos(phase * Math.PI * 2) * 120 - 120
    await page.mouse.move(start.px + dx, start.py + dy)
  }
  await page.mouse.up()
  const seconds = (Date.now() - t0) / 1000
  console.error(`panned ${step} mouse moves in ${seconds.toFixed(1)} s`)
  const frames = Number(await page.evaluate('window.counting = false; window.framesCounted'))
  return frames / seconds
}

async function main(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build', '-w', '@tradeloom/web'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) throw new Error('building the web app failed')
  const server = spawn(process.execPath, ['--import', 'tsx', 'web/e2e/start-server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: '', TRADELOOM_MODE: 'local' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    await waitForHealth(120_000)
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox'],
    })
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    report('web.preview.edit_to_chart.ms_median', await editToChart(page), 'ms')
    report('web.canvas.300_nodes.fps', await panFps(page), 'fps')
    await browser.close()
  } finally {
    server.kill('SIGTERM')
  }
}

await main()
