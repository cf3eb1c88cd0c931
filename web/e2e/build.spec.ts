import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import {
  ARTIFACTS,
  chartNetProfit,
  connect,
  handle,
  openIde,
  watchForeignRequests,
} from './helpers'

/** Drags a palette block onto the canvas at (x, y) inside it; returns the new node's id. */
async function dragBlock(page: Page, label: string, x: number, y: number): Promise<string> {
  const before = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
  await page.getByTestId('palette-search').fill(label)
  const item = page
    .getByTestId('palette-item')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first()
  await item.dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } })
  await expect(page.locator('.react-flow__node')).toHaveCount(before.length + 1)
  const after = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
  return after.find((id) => !before.includes(id))!
}

test('build a strategy from the palette by dragging blocks and connecting their ports', async ({
  page,
}) => {
  const foreign = watchForeignRequests(page)
  await openIde(page)
  await page.getByTestId('new-strategy').click()
  await page.getByTestId('template-blank').click()
  await expect(page.locator('.react-flow__node')).toHaveCount(0)
  await expect(page.getByTestId('graph-problems')).toContainText('never opens a position')

  // Two staggered rows, so no block lands on another whatever the zoom.
  const price = await dragBlock(page, 'Price', 100, 110)
  const sma = await dragBlock(page, 'SMA', 280, 300)
  const greater = await dragBlock(page, 'Greater than', 470, 110)
  const enter = await dragBlock(page, 'Enter long', 650, 300)
  // Tidy up stacks the unconnected blocks in one column, then fit them into view.
  await page.getByTestId('canvas-layout').click()
  await page.getByTestId('canvas-fit').click()
  await page.waitForTimeout(300)

  await connect(page, handle(page, price, 'value'), handle(page, sma, 'source'))
  await connect(page, handle(page, price, 'value'), handle(page, greater, 'a'))
  await connect(page, handle(page, sma, 'value'), handle(page, greater, 'b'))
  await connect(page, handle(page, greater, 'result'), handle(page, enter, 'when'))
  await expect(page.locator('.react-flow__edge')).toHaveCount(4)
  // Tidy up again: now it lays the blocks out by data flow.
  await page.getByTestId('canvas-layout').click()
  await page.getByTestId('canvas-fit').click()

  await expect(page.getByTestId('build-status')).toHaveText(/Compiled/)
  await expect
    .poll(async () =>
      Number(await page.getByTestId('price-chart').getAttribute('data-marker-count')),
    )
    .toBeGreaterThan(0)
  // After the preview every block shows its value on the selected (last) bar.
  await expect(page.getByTestId('node-value').first()).toBeVisible()
  await page.screenshot({ path: `${ARTIFACTS}built-from-palette.png` })

  // Keyboard access: a focused palette item adds its block with Enter.
  await page.getByTestId('palette-search').fill('RSI')
  await page.getByTestId('palette-item').filter({ hasText: /^RSI$/ }).focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('.react-flow__node')).toHaveCount(5)
  expect(foreign).toEqual([])
})

test('change a parameter in the inspector and see the preview change', async ({ page }) => {
  await openIde(page)
  await expect.poll(() => chartNetProfit(page)).not.toBeNull()
  const before = await chartNetProfit(page)

  await page.locator('.react-flow__node[data-id="sma_fast"]').click()
  const inspector = page.getByTestId('inspector')
  await expect(inspector.getByTestId('inspector-description')).toContainText(
    'Simple moving average',
  )
  const period = inspector.getByTestId('param-period').getByRole('spinbutton')
  await expect(period).toHaveValue('10')

  // Inline validation: an out-of-range value is explained and never reaches the graph.
  await period.fill('0')
  await expect(inspector.getByTestId('param-period')).toContainText('Between 1 and 5000 bars')
  await expect(page.getByTestId('build-status')).toHaveText('Compiled')

  await period.fill('4')
  await expect(
    page.locator('.react-flow__node[data-id="sma_fast"] [data-param="period"]'),
  ).toContainText('4 bars')
  await expect.poll(() => chartNetProfit(page)).not.toBe(before)
  await page.screenshot({ path: `${ARTIFACTS}inspector-param-changed.png` })
})

test('code tabs: TypeScript, MQL5 (highlighted, read-only) and the plain-language summary', async ({
  page,
}) => {
  await openIde(page)
  await page.getByTestId('tab-code').click()
  const code = page.getByTestId('code-panel')
  await expect(code.locator('.view-lines')).toContainText('@tradeloom/runtime')
  await page.getByTestId('code-tab-mql5').click()
  await expect(code).toHaveAttribute('data-language', 'mql5')
  await expect(code.locator('.view-lines')).toContainText('#include <Trade')
  // The Monarch tokenizer marks MQL5 directives, so `#property` is not plain text.
  await expect(code.locator('.view-lines span.mtk1', { hasText: '#property' })).toHaveCount(0)
  await page.screenshot({ path: `${ARTIFACTS}code-mql5.png` })
  await page.getByTestId('code-tab-summary').click()
  await expect(page.getByTestId('summary')).toContainText(
    'Buys when Fast MA crosses above Slow MA.',
  )
})

test('take over as code: typed editor, edit, preview and save a code version', async ({ page }) => {
  await openIde(page)
  await expect.poll(() => chartNetProfit(page)).not.toBeNull()
  const before = await chartNetProfit(page)
  await page.getByTestId('tab-code').click()
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByTestId('take-over').click()
  await expect(page.getByTestId('code-mode')).toHaveText('Code strategy')
  await expect(page.getByTestId('code-strategy-note')).toBeVisible()

  // The runtime's typings are loaded: the module imports @tradeloom/runtime without a type error.
  await expect(page.getByTestId('type-errors')).toHaveText('No type errors', { timeout: 30_000 })

  // Edit the fast period default from 10 to 4 in the TypeScript.
  const line = page
    .getByTestId('code-panel')
    .locator('.view-line', { hasText: 'fastMaPeriod: 10,' })
  await line.locator('span span', { hasText: /^10$/ }).dblclick()
  await page.keyboard.type('4')
  await expect(page.getByTestId('code-panel').locator('.view-lines')).toContainText(
    'fastMaPeriod: 4,',
  )
  await expect.poll(() => chartNetProfit(page)).not.toBe(before)

  // A type error shows up live.
  const edited = page
    .getByTestId('code-panel')
    .locator('.view-line', { hasText: 'fastMaPeriod: 4,' })
  await edited.locator('span span', { hasText: /^4$/ }).dblclick()
  await page.keyboard.type("'four'")
  await expect(page.getByTestId('type-errors')).toContainText('type error')
  // Undo (auto-closed quotes take several steps) until the number is back.
  const lines = page.getByTestId('code-panel').locator('.view-lines')
  const text = async () => ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' ')
  for (let i = 0; i < 6 && !(await text()).includes('fastMaPeriod: 4,'); i++) {
    await page.keyboard.press('Control+Z')
  }
  await expect(page.getByTestId('type-errors')).toHaveText('No type errors')
  await expect(lines).toContainText('fastMaPeriod: 4,')
  await page.screenshot({ path: `${ARTIFACTS}take-over-as-code.png` })

  await page.getByTestId('save-message').fill('Now as code')
  await page.getByTestId('save-button').click()
  await expect(page.getByTestId('save-status')).toContainText('Saved v1')
  await page.getByTestId('tab-versions').click()
  await expect(page.getByTestId('version-item').first()).toContainText('code')

  // The code version also runs as a full backtest on the server.
  await page.getByTestId('tab-backtest').click()
  await page.getByTestId('run-full-backtest').click()
  await expect(page.getByTestId('backtest-progress')).toHaveAttribute('data-status', 'completed', {
    timeout: 60_000,
  })
  await expect(page.getByTestId('backtest-results')).toBeVisible()
})
