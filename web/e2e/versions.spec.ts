import { expect, test } from '@playwright/test'
import { ARTIFACTS, openIde, save } from './helpers'

test('save, diff two versions with changes on the canvas and in the code, roll back', async ({
  page,
}) => {
  await openIde(page)
  await save(page, 'First')

  // Second version: a slower fast average.
  await page.locator('.react-flow__node[data-id="sma_fast"]').click()
  await page.getByTestId('param-period').getByRole('spinbutton').fill('15')
  await save(page, 'Fast MA 15')

  await page.getByTestId('tab-versions').click()
  const items = page.getByTestId('version-item')
  await expect(items).toHaveCount(2)
  await items.nth(0).getByTestId('version-pick').check()
  await items.nth(1).getByTestId('version-pick').check()
  await page.getByTestId('compare-versions').click()

  const diff = page.getByTestId('diff-view')
  await expect(diff.getByRole('heading')).toHaveText('v1 → v2')
  await expect(diff.getByTestId('diff-summary')).toContainText('1 changed')
  await expect(diff.getByTestId('diff-params')).toContainText('period 10 → 15')
  await expect(diff.locator('[data-diff="changed"]')).toHaveCount(1)
  await expect(diff.locator('[data-diff="changed"]')).toContainText('Fast MA')
  // Monaco's diff editor marks the changed line of the generated code.
  await expect(
    diff.getByTestId('diff-editor').locator('.line-insert, .char-insert').first(),
  ).toBeVisible()
  await page.screenshot({ path: `${ARTIFACTS}version-diff.png` })

  // Roll back to v1 (after confirming): v3 holds v1's content and is on the canvas.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Roll back to v1')
    void dialog.accept()
  })
  await diff.getByTestId('diff-rollback').click()
  await expect(diff).toBeHidden()
  await expect(items).toHaveCount(3)
  await expect(items.first()).toContainText('v3')
  await expect(
    page.locator('.react-flow__node[data-id="sma_fast"] [data-param="period"]'),
  ).toContainText('10 bars')
  await page.screenshot({ path: `${ARTIFACTS}version-rolled-back.png` })
})

test('a share link opens a version read-only without logging in', async ({ page, browser }) => {
  await openIde(page)
  await save(page, 'Shared version')
  await page.getByTestId('tab-versions').click()
  await page.getByTestId('version-item').first().getByTestId('share').click()
  const url = await page.getByTestId('share-url').getAttribute('href')
  expect(url).toMatch(/\?share=/)

  // A fresh browser context: no session cookie, nobody signed in.
  const visitor = await browser.newContext()
  const shared = await visitor.newPage()
  await shared.goto(url!)
  await expect(shared.getByTestId('shared-banner')).toContainText('read-only')
  await expect(shared.getByTestId('read-only-badge')).toBeVisible()
  await expect(shared.getByTestId('strategy-node')).toHaveCount(7)
  await expect(shared.getByTestId('save-button')).toHaveCount(0)
  await expect(shared.getByTestId('palette')).toHaveCount(0)
  await expect(shared.getByTestId('strategy-name')).toBeDisabled()
  // Blocks cannot be deleted: the keyboard shortcut does nothing.
  await shared.locator('.react-flow__node[data-id="sma_fast"]').click()
  await shared.keyboard.press('Delete')
  await expect(shared.getByTestId('strategy-node')).toHaveCount(7)
  await expect
    .poll(async () =>
      Number(await shared.getByTestId('price-chart').getAttribute('data-marker-count')),
    )
    .toBeGreaterThan(0)
  await shared.screenshot({ path: `${ARTIFACTS}share-link-logged-out.png` })
  await visitor.close()
})
