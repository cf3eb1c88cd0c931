import { expect, test } from '@playwright/test'
import { ARTIFACTS, openIde } from './helpers'

test('teaching mode: step through the backtest and see a block value change, with the reason', async ({
  page,
}) => {
  await openIde(page)
  await page.getByTestId('teaching-toggle').click()
  const replay = page.getByTestId('replay')
  await expect(replay).toBeVisible()
  const fast = page.locator('.react-flow__node[data-id="sma_fast"] [data-testid="node-value"] dd')
  await expect(fast).not.toHaveText('')

  // Jump to a bar where an entry fired: the sentence names the condition that fired it.
  await page.getByTestId('replay-prev-trade').click()
  await expect(page.getByTestId('replay-explanation')).toContainText(
    'Enter long fired because Crosses above was true',
  )
  const cross = page.locator('.react-flow__node[data-id="cross_up"] [data-testid="node-value"] dd')
  await expect(cross).toHaveText('true')
  const atEntry = await fast.textContent()
  await page.screenshot({ path: `${ARTIFACTS}teaching-entry-bar.png` })

  // One bar on: the average has moved and the cross is over.
  await page.getByTestId('replay-forward').click()
  await expect(fast).not.toHaveText(atEntry!)
  await expect(cross).toHaveText('false')
  await expect(page.getByTestId('replay-explanation')).toContainText(
    'did not fire: Crosses above was false',
  )
  await page.screenshot({ path: `${ARTIFACTS}teaching-next-bar.png` })
})

test('clicking a trade moves the chart to it', async ({ page }) => {
  await openIde(page)
  await page.getByTestId('preview-tab-trades').click()
  const row = page.getByTestId('trade-row').nth(5)
  await row.click()
  const bar = await page.getByTestId('replay-bar').textContent()
  expect(bar).not.toContain('2,999 /')
  await expect(page.getByTestId('replay-explanation')).toContainText('fired')
})
