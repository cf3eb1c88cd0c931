#!/usr/bin/env node
// `npx tradeloom …`: runs the TypeScript CLI (server/src/cli/main.ts) through tsx's loader, so
// there is no build step, and passes its exit code on.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const loader = pathToFileURL(require.resolve('tsx')).href
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const run = spawnSync(process.execPath, ['--import', loader, main, ...process.argv.slice(2)], {
  stdio: 'inherit',
})
process.exit(run.status ?? 1)
