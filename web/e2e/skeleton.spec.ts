import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { strategyTemplates } from '@tradeloom/compiler'

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url))
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Records every request to a host other than this machine (a CDN, fonts, analytics...). */
function watchForeignRequests(page: Page): string[] {
  const foreign: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname)) {
      foreign.push(request.url())
    }
  })
  return foreign
}

/** The number of trade markers the chart was given, read from its container. */
async function markerCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('price-chart').getAttribute('data-marker-count'))
}

test('walking skeleton: template on canvas, both codes, chart with trades, saved versions survive a reload', async ({
  page,
}) => {
  const foreign = watchForeignRequests(page)
  const template = strategyTemplates[0]!
  await page.goto('/')

  // Canvas: one node per template node, each drawn by the generic component.
  await expect(page.getByTestId('strategy-node')).toHaveCount(template.graph.nodes.length)
  await expect(page.getByTestId('build-status')).toHaveText('Compiled')

  // Code panel: the TypeScript tab shows the generated module...
  const code = page.getByTestId('code-panel')
  await expect(code).toHaveAttribute('data-language', 'typescript')
  await expect(code.locator('.view-lines')).toContainText('@tradeloom/runtime')

  // ...and the MQL5 tab the Expert Advisor; the download holds the whole file, OnTick included.
  await page.getByTestId('code-tab-mql5').click()
  await expect(code).toHaveAttribute('data-language', 'mql5')
  await expect(code.locator('.view-lines')).toContainText('#property')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('code-download').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.mq5$/)
  const mql5 = await readFile(await download.path(), 'utf8')
  expect(mql5).toContain('OnTick')

  // Chart: the preview backtest ran in the worker and produced trades.
  await expect.poll(() => markerCount(page)).toBeGreaterThan(0)
  await expect(page.getByTestId('stat-trades')).not.toHaveText('0')
  await page.screenshot({ path: `${ARTIFACTS}skeleton-initial.png` })

  // Save: a renamed strategy and a message, then the version appears in the list.
  await page.getByTestId('strategy-name').fill('E2E cross')
  await page.getByTestId('save-message').fill('First version from e2e')
  await page.getByTestId('save-button').click()
  await expect(page.getByTestId('save-status')).toContainText('Saved')
  const versions = page.getByTestId('version-item')
  await expect(versions).toHaveCount(1)
  await expect(versions.first()).toContainText('First version from e2e')
  await expect(page).toHaveURL(/[?&]strategy=/)

  // An edit and a second save append a version; saving an unchanged graph does not.
  await page.getByTestId('strategy-name').fill('E2E cross, renamed')
  await page.getByTestId('save-message').fill('Second version')
  await page.getByTestId('save-button').click()
  await expect(versions).toHaveCount(2)
  await expect(versions.first()).toContainText('Second version')
  await page.getByTestId('save-button').click()
  await expect(page.getByTestId('save-status')).toContainText('No changes since v2')
  await expect(versions).toHaveCount(2)

  // Reload: the strategy and its versions come back from the server, not from the template.
  await page.reload()
  await expect(page.getByTestId('strategy-name')).toHaveValue('E2E cross, renamed')
  await expect(versions).toHaveCount(2)
  await expect(versions.nth(1)).toContainText('First version from e2e')
  await expect(page.getByTestId('strategy-node')).toHaveCount(template.graph.nodes.length)
  await expect.poll(() => markerCount(page)).toBeGreaterThan(0)
  await page.screenshot({ path: `${ARTIFACTS}skeleton-after-reload.png` })

  expect(foreign, 'the page must not contact any host but this server').toEqual([])
})

test('canvas: a refused connection says why, a broken graph shows its diagnostic on the node', async ({
  page,
}) => {
  const foreign = watchForeignRequests(page)
  await page.goto('/')
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`)
  const handle = (id: string, port: string) =>
    node(id).locator(`.react-flow__handle[data-handleid="${port}"]`)
  await expect(page.getByTestId('strategy-node')).not.toHaveCount(0)
  const edgeCount = await page.locator('.react-flow__edge').count()

  // A number series cannot drive an action: the compiler's canConnect refuses it, with a reason.
  const from = (await handle('sma_fast', 'value').boundingBox())!
  const to = (await handle('exit_long', 'when').boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
  await expect(page.getByTestId('connection-refusal')).toContainText('Cannot connect')
  await page.mouse.up()
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgeCount)

  // Deleting the edge into "Enter long" leaves it without a condition: the node turns red and
  // says so, the build fails, and there is no code to show.
  // Edge e7 runs straight from "Crosses above" to "Enter long": click its midpoint to select it.
  const start = (await handle('cross_up', 'result').boundingBox())!
  const end = (await handle('enter_long', 'when').boundingBox())!
  await page.mouse.click(
    (start.x + start.width / 2 + end.x + end.width / 2) / 2,
    (start.y + start.height / 2 + end.y + end.height / 2) / 2,
  )
  await expect(page.locator('.react-flow__edge[data-id="e7"]')).toHaveClass(/selected/)
  await page.keyboard.press('Backspace')
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgeCount - 1)
  await expect(node('enter_long').getByTestId('strategy-node')).toHaveAttribute(
    'data-status',
    'error',
  )
  await expect(node('enter_long').getByTestId('node-diagnostics')).toContainText('when')
  await expect(page.getByTestId('build-status')).toContainText('error')
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes')
  await page.screenshot({ path: `${ARTIFACTS}canvas-diagnostic.png` })

  expect(foreign).toEqual([])
})
