import { defineExit } from './define-exit'

export const exitShort = defineExit('short')
