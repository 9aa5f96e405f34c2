/** The field table → the README's spec reference (a markdown table), so the docs cannot drift from the code. */
import type { Basis } from './basis.js'
import {
  ACTION_FIELDS,
  type Constraint,
  FIELDS,
  type FieldEntry,
  type FieldSpec,
  SPEC_KEYS,
  type ValueType
} from './fields.js'
import { FORMATS, isStringFormat } from './formats.js'
import { afterCreation } from './lifecycle.js'
import { ACCESS_LOG_KEYS, ACCESS_LOG_RULES, LOCALITY_RULES } from './structured.js'

const TYPE_NAMES: Readonly<Record<ValueType, string>> = {
  string: 'string',
  boolean: 'boolean',
  integer: 'integer',
  number: 'number',
  quantity: 'quantity',
  stringList: 'list of strings',
  portList: 'list of ports',
  tags: 'map',
  json: 'mapping',
  certificate: 'certificate',
  certificates: 'certificates',
  privateKey: 'private key'
}

const WIRE_NOTES: Readonly<Partial<Record<FieldEntry['wire'], string>>> = {
  jsonArray: 'sent as a JSON array string',
  commaList: 'sent comma-joined',
  compactJson: 'sent as compact JSON',
  base64Pem: 'PEM or Base64; sent as Base64 of the PEM',
  tagQuery: 'query Tag.N.Key/Tag.N.Value'
}

/** The basis of a constraint; a format's is the format's own (formats.ts, structured.ts). */
export function basisOf(constraint: Constraint): Basis {
  if (constraint.kind !== 'format') return constraint.basis
  if (isStringFormat(constraint.format)) return FORMATS[constraint.format].basis
  return constraint.format === 'accessLogFormat' ? ACCESS_LOG_RULES.keys : LOCALITY_RULES.shape
}

const ITEMS: Readonly<Partial<Record<ValueType, [string, string]>>> = {
  certificates: ['certificate', 'certificates'],
  tags: ['tag', 'tags']
}

/** A constraint of `field` in words, e.g. `from 0 to 100` or `one of "Default", "Pro"`. */
export function constraintText(constraint: Constraint, field: FieldEntry): string {
  switch (constraint.kind) {
    case 'enum':
      return `one of ${constraint.values.map(v => JSON.stringify(v)).join(', ')}`
    case 'range':
    case 'items': {
      const { min, max } = constraint
      const [one, many] = ITEMS[field.type] ?? ['item', 'items']
      const unit = constraint.kind === 'items' ? ` ${(max ?? min) === 1 ? one : many}` : ''
      if (min !== undefined && max !== undefined) return `from ${min} to ${max}${unit}`
      return min !== undefined ? `at least ${min}${unit}` : `at most ${max}${unit}`
    }
    case 'unique':
      return 'no repeats'
    case 'format':
      if (isStringFormat(constraint.format)) return FORMATS[constraint.format].expected
      return constraint.format === 'accessLogFormat'
        ? `the ${ACCESS_LOG_KEYS.length} keys the API requires`
        : "failover or distribute, as in Istio's locality settings"
  }
}

export interface Note {
  /** The rule in words, e.g. `one of "Default", "Pro"`. */
  text: string
  /** Whether breaking it is (at least in part) only a warning. */
  warned: boolean
  /** The text with its class, for the README: `one of "Default", "Pro" (warning)`. */
  marked: string
}

/** The constraints of a field in words, with their class. */
export const constraintNotes = (field: FieldEntry): Note[] =>
  (field.rules ?? []).map(c => {
    const text = constraintText(c, field)
    if (c.kind === 'format' && c.format === 'region') {
      return {
        text,
        warned: true,
        marked: `${text} (a typo of a known region is an error, any other region a warning)`
      }
    }
    const warned = basisOf(c).level === 'warning'
    return { text, warned, marked: warned ? `${text} (warning)` : text }
  })

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function rulesOf(field: FieldEntry): string {
  const notes: string[] = []
  if (field.required) notes.push('**required**')
  notes.push(...constraintNotes(field).map(n => n.marked))
  if (field.orderInsensitive) notes.push('order ignored in diffs')
  const wire = WIRE_NOTES[field.wire]
  if (wire) notes.push(wire)
  if (field.mustInterpolate) notes.push('must be `${NAME}` (secret)')
  if (field.deprecated) notes.push('deprecated by the API (warning)')
  return notes.join('; ')
}

/** Where the drift check reads the live value; tags come from ListTagResources. */
function liveCell(field: FieldSpec): string {
  if (field.api === 'Tag') return 'ListTagResources'
  return field.lifecycle.live ? `\`${field.lifecycle.live}\`` : 'not compared'
}

export function renderSpecReference(): string {
  const rows = [
    '| spec path | API name | type | rules | description | after creation | live value (drift) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| \`version\` | — | integer | **required**; \`1\` | ${cell(SPEC_KEYS.version)} | — | — |`,
    ...FIELDS.map(
      f =>
        `| \`${f.path}\` | \`${f.api}\` | ${TYPE_NAMES[f.type]} | ${cell(rulesOf(f))} | ${cell(f.description)} | ${cell(afterCreation(f.lifecycle))} | ${liveCell(f)} |`
    ),
    ...ACTION_FIELDS.map(
      f =>
        `| \`${f.path}\` | — (not sent) | ${TYPE_NAMES[f.type]} | ${cell(rulesOf(f))} | ${cell(f.description)} | — | — |`
    ),
    `| \`extraParameters\` | (as named) | map | may not name a mapped parameter | ${cell(SPEC_KEYS.extraParameters)} | not applied | — |`
  ]
  return `${rows.join('\n')}\n`
}
