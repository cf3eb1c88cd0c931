import { defineEntry } from './define-entry'

export const enterLong = defineEntry('long')
