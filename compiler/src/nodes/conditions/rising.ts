import { defineRun } from './define-run'

export const rising = defineRun(1)
