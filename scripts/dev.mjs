#!/usr/bin/env node
// `npm run dev`: the API server with reload on change and Vite's dev server (proxying /api).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(fileURLToPath(import.meta.url), '..', '..')
const children = [
  spawn('npm', ['run', 'dev', '-w', '@tradeloom/server'], { cwd: root, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', '@tradeloom/web'], { cwd: root, stdio: 'inherit' }),
]
const stop = (signal) => children.forEach((child) => child.kill(signal))
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
for (const child of children) child.on('exit', (code) => { stop('SIGTERM'); process.exitCode = code ?? 0 })
