/** `sha256:<hex>`: how a value that must not be stored or shown is compared across runs (docs/contract.md §5). */
import { createHash } from 'node:crypto'

export const fingerprint = (text: string): string =>
  `sha256:${createHash('sha256').update(text).digest('hex')}`
