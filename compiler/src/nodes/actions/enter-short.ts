import { defineEntry } from './define-entry'

export const enterShort = defineEntry('short')
