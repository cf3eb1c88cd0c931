import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { strategyTemplates } from '@tradeloom/compiler'
import { ARTIFACTS, connect, handle, node, openIde, watchForeignRequests } from './helpers'

/** The number of trade markers the chart was given, read from its container. */
async function markerCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('price-chart').getAttribute('data-marker-count'))
}

test('walking skeleton: template on canvas, both codes, chart with trades, saved versions survive a reload', async ({
  page,
}) => {
  const foreign = watchForeignRequests(page)
  const template = strategyTemplates[0]!
  await openIde(page)

  // Canvas: one node per template node, each drawn by the generic component.
  await expect(page.getByTestId('strategy-node')).toHaveCount(template.graph.nodes.length)
  await expect(page.getByTestId('build-status')).toHaveText('Compiled')

  // Chart: the preview backtest ran in the worker and produced trades.
  await expect.poll(() => markerCount(page)).toBeGreaterThan(0)
  await expect(page.getByTestId('stat-trade-count')).not.toHaveText('0')

  // Code tab: the MQL5 download holds the whole file, OnTick included.
  await page.getByTestId('tab-code').click()
  await page.getByTestId('code-tab-mql5').click()
  await expect(page.getByTestId('code-panel').locator('.view-lines')).toContainText('#property')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('code-download').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.mq5$/)
  expect(await readFile(await download.path(), 'utf8')).toContain('OnTick')

  // Save twice; saving an unchanged graph does not add a version.
  await page.getByTestId('tab-versions').click()
  await page.getByTestId('strategy-name').fill('E2E cross')
  await page.getByTestId('save-message').fill('First version from e2e')
  await page.getByTestId('save-button').click()
  await expect(page.getByTestId('save-status')).toContainText('Saved')
  const versions = page.getByTestId('version-item')
  await expect(versions).toHaveCount(1)
  await expect(page).toHaveURL(/[?&]strategy=/)
  await page.getByTestId('strategy-name').fill('E2E cross, renamed')
  await page.getByTestId('save-message').fill('Second version')
  await page.getByTestId('save-button').click()
  await expect(versions).toHaveCount(2)
  await page.getByTestId('save-button').click()
  await expect(page.getByTestId('save-status')).toContainText('No changes since v2')
  await expect(versions).toHaveCount(2)

  // Reload: the strategy and its versions come back from the server, not from the template.
  await page.reload()
  await expect(page.getByTestId('strategy-name')).toHaveValue('E2E cross, renamed')
  await page.getByTestId('tab-versions').click()
  await expect(versions).toHaveCount(2)
  await expect(versions.nth(1)).toContainText('First version from e2e')
  await expect.poll(() => markerCount(page)).toBeGreaterThan(0)
  await page.screenshot({ path: `${ARTIFACTS}skeleton-after-reload.png` })

  // The gallery lists saved strategies beside the templates.
  await page.getByTestId('new-strategy').click()
  await expect(page.getByTestId('saved-strategies')).toContainText('E2E cross, renamed')
  await expect(page.getByTestId('template')).toHaveCount(strategyTemplates.length)
  await page.screenshot({ path: `${ARTIFACTS}gallery.png` })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('gallery')).toBeHidden()

  expect(foreign, 'the page must not contact any host but this server').toEqual([])
})

test('canvas: a refused connection says why, a broken graph shows its diagnostic on the node', async ({
  page,
}) => {
  const foreign = watchForeignRequests(page)
  await openIde(page)
  await expect(page.getByTestId('strategy-node')).not.toHaveCount(0)
  // Blocks grow a value row once the preview has run; measure handles after that.
  await expect(node(page, 'sma_fast').getByTestId('node-value')).toBeVisible()
  const edgeCount = await page.locator('.react-flow__edge').count()

  // A number series cannot drive an action: the compiler's canConnect refuses it, with a reason.
  await connect(page, handle(page, 'sma_fast', 'value'), handle(page, 'exit_long', 'when'), false)
  await expect(page.getByTestId('connection-refusal')).toContainText(
    'Cannot connect: This input needs a true/false condition, not a number series',
  )
  await page.screenshot({ path: `${ARTIFACTS}canvas-refused-connection.png` })
  await page.mouse.up()
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgeCount)

  // Deleting the edge into "Enter long" leaves it without a condition: the node turns red and
  // says so, and the build fails.
  const start = (await handle(page, 'cross_up', 'result').boundingBox())!
  const end = (await handle(page, 'enter_long', 'when').boundingBox())!
  await page.mouse.click(
    (start.x + start.width / 2 + end.x + end.width / 2) / 2,
    (start.y + start.height / 2 + end.y + end.height / 2) / 2,
  )
  await expect(page.locator('.react-flow__edge[data-id="e7"]')).toHaveClass(/selected/)
  await page.keyboard.press('Backspace')
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgeCount - 1)
  const enter = node(page, 'enter_long').getByTestId('strategy-node')
  await expect(enter).toHaveAttribute('data-status', 'error')
  await expect(node(page, 'enter_long').getByTestId('node-diagnostics')).toContainText(
    'needs something connected to its "when" input',
  )
  await expect(page.getByTestId('build-status')).toContainText('error')
  await page.screenshot({ path: `${ARTIFACTS}canvas-diagnostic.png` })

  // Undo brings the connection back and the strategy compiles again.
  await page.getByTestId('canvas-undo').click()
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgeCount)
  await expect(page.getByTestId('build-status')).toHaveText('Compiled')

  expect(foreign).toEqual([])
})
