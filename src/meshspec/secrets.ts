/** Every form in which a secret or environment-sourced value may show up, for masking (docs/contract.md §4.1). */
import { decodePem, toBase64 } from './pem.js'
import type { MapNode, SpecNode } from './tree.js'

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

/** Every scalar that used `${NAME}`, by spec path (`tags.team`, `network.vSwitches[0]`), for the request builder. */
export function environmentPaths(root: MapNode | undefined): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const walk = (node: SpecNode, path: string): void => {
    if (node.kind === 'scalar') {
      if (node.env && node.env.names.length > 0) found.set(path, node.env.names)
    } else if (node.kind === 'seq') node.items.forEach((item, i) => walk(item, `${path}[${i}]`))
    else for (const entry of node.entries) walk(entry.value, path ? `${path}.${entry.key}` : entry.key)
  }
  if (root) walk(root, '')
  return found
}
