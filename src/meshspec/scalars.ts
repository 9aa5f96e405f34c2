/** Reading YAML scalars as the types of the field table, with the YAML 1.2 core rules. */
import type { ScalarNode, SpecNode } from './tree.js'

const CORE_BOOLEAN = /^(true|True|TRUE|false|False|FALSE)$/
const CORE_INTEGER = /^[-+]?([0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/
const DECIMAL = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL = /[\x00-\x1f\x7f]/

/** A value refused while parsing, or a `${NAME}` that could not be resolved, is already reported. */
export const hasReportedPart = (node: SpecNode): boolean =>
  node.kind === 'scalar'
    ? node.invalid === true || node.env?.failed === true
    : node.kind === 'seq'
      ? node.items.some(hasReportedPart)
      : node.entries.some(e => hasReportedPart(e.value))

/** The scalar's text: a string as is, a number as written, a boolean as true/false. */
export const scalarText = (node: ScalarNode): string =>
  typeof node.value === 'number' ? node.source : String(node.value)

/** Strings, and for quantities also plain numbers (`cpu: 1`). */
export function asText(node: SpecNode, numbersToo: boolean): string | undefined {
  if (node.kind !== 'scalar') return undefined
  if (typeof node.value === 'string') return node.value
  return numbersToo && typeof node.value === 'number' ? node.source : undefined
}

/**
 * A value written as exactly `${NAME}` is a string; for boolean and numeric fields its text is read with the
 * YAML 1.2 core rules, so `period: ${PERIOD}` works as a user would expect.
 */
const fromEnv = (node: SpecNode, pattern: RegExp): string | undefined =>
  node.kind === 'scalar' && node.env?.whole && typeof node.value === 'string' && pattern.test(node.value)
    ? node.value
    : undefined

export function asBoolean(node: SpecNode): boolean | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value
  const text = fromEnv(node, CORE_BOOLEAN)
  return text === undefined ? undefined : text.toLowerCase() === 'true'
}

export function asInteger(node: SpecNode): number | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'number') {
    return Number.isSafeInteger(node.value) && CORE_INTEGER.test(node.source) ? node.value : undefined
  }
  const text = fromEnv(node, /^[-+]?[0-9]+$/)
  return text === undefined ? undefined : Number(text)
}

export function asNumber(node: SpecNode): number | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'number')
    return Number.isFinite(node.value) ? node.value : undefined
  const text = fromEnv(node, DECIMAL)
  return text === undefined ? undefined : Number(text)
}
