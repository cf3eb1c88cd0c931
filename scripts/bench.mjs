#!/usr/bin/env node
// `npm run bench [-- <filter>]`: runs every bench/**/*.bench.ts file (each in its own Node
// process, TypeScript loaded by tsx), collects the figures they print and merges them into
// bench/results.json as { "<name>": { "value": n, "unit": "..." } }. Keys from earlier runs or
// other packages are kept; keys measured now are overwritten. See bench/README.md.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const benchDir = path.join(root, 'bench')
const resultsFile = path.join(benchDir, 'results.json')
const filter = process.argv[2] ?? ''
const MARKER = 'BENCH_RESULT '

/** Every *.bench.ts under bench/, sorted, so adding a figure means adding a file. */
function findBenchFiles(dir) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...findBenchFiles(full))
    else if (entry.name.endsWith('.bench.ts')) out.push(full)
  }
  return out.sort()
}

const files = findBenchFiles(benchDir).filter((f) => path.relative(root, f).includes(filter))
if (files.length === 0) {
  console.error(`bench: no bench/**/*.bench.ts file matches "${filter}"`)
  process.exit(1)
}

const measured = {}
let failed = false
for (const file of files) {
  const rel = path.relative(root, file)
  console.error(`\n== ${rel}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', rel], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  })
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith(MARKER)) {
      if (line.trim() !== '') console.error(line)
      continue
    }
    const { name, value, unit } = JSON.parse(line.slice(MARKER.length))
    measured[name] = { value, unit }
  }
  if (run.status !== 0) {
    console.error(
      `bench: ${rel} exited with status ${run.status}${run.error ? ` (${run.error.message})` : ''}`,
    )
    failed = true
  }
}

const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {}
const merged = { ...previous, ...measured }
const sorted = Object.fromEntries(
  Object.keys(merged)
    .sort()
    .map((k) => [k, merged[k]]),
)
writeFileSync(resultsFile, JSON.stringify(sorted, null, 2) + '\n')
console.error(
  `\nbench: ${Object.keys(measured).length} figures measured, ${path.relative(root, resultsFile)} has ${Object.keys(sorted).length}`,
)
process.exit(failed ? 1 : 0)
