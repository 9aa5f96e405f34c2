/** Every form in which a secret or environment-sourced value may show up, for masking (docs/contract.md §4.1). */
import { decodePem, toBase64 } from './pem.js'

const ARMOR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/

/**
 * Too short or too common to be a secret: masking `true` or `3` would blank out unrelated text, garble
 * annotations (`line=3`) and make the runner drop outputs such as `created=true`.
 */
const isTrivial = (value: string): boolean =>
  value.trim().length < 4 || /^(true|false|null)$/i.test(value.trim())

function forms(value: string): string[] {
  const result = [value, value.trim()]
  const pem = decodePem(value)
  if (pem.ok) result.push(pem.value, pem.value.trim(), toBase64(pem.value))
  // The runner masks line by line, so a multi-line value is also masked one line at a time.
  for (const text of [value, pem.ok ? pem.value : '']) {
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim()
      if (!ARMOR.test(trimmed)) result.push(trimmed)
    }
  }
  return result
}

export function secretsToMask(envValues: readonly string[], secretTexts: readonly string[]): string[] {
  const all = new Set<string>()
  for (const value of secretTexts) for (const form of forms(value)) all.add(form)
  for (const value of envValues) if (!isTrivial(value)) for (const form of forms(value)) all.add(form)
  return [...all].filter(form => !isTrivial(form))
}
