import { defineRun } from './define-run'

export const falling = defineRun(-1)
