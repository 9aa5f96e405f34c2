/** The field table → the README's spec reference (a markdown table), so the docs cannot drift from the code. */
import { FIELDS, type FieldSpec, SPEC_KEYS, type ValueType } from './fields.js'
import { FORMATS, isStringFormat } from './formats.js'

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

const WIRE_NOTES: Readonly<Partial<Record<FieldSpec['wire'], string>>> = {
  jsonArray: 'sent as a JSON array string',
  commaList: 'sent comma-joined',
  compactJson: 'sent as compact JSON',
  base64Pem: 'PEM or Base64; sent as Base64 of the PEM',
  tagQuery: 'query Tag.N.Key/Tag.N.Value'
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function rulesOf(field: FieldSpec): string {
  const { rules = {} } = field
  const notes: string[] = []
  if (field.required) notes.push('**required**')
  if (rules.enum) notes.push(`one of ${rules.enum.map(v => `\`${JSON.stringify(v)}\``).join(', ')}`)
  if (rules.min !== undefined || rules.max !== undefined) notes.push(`${rules.min ?? ''}–${rules.max ?? ''}`)
  if (isStringFormat(rules.format)) notes.push(FORMATS[rules.format].expected)
  if (rules.minItems) notes.push(`at least ${rules.minItems}`)
  if (rules.maxItems) notes.push(`at most ${rules.maxItems}`)
  if (rules.unique) notes.push('no repeats')
  if (field.orderInsensitive) notes.push('order ignored in diffs')
  const wire = WIRE_NOTES[field.wire]
  if (wire) notes.push(wire)
  if (field.mustInterpolate) notes.push('must be `${NAME}` (secret)')
  if (field.deprecated) notes.push('deprecated by the API (warning)')
  return notes.join('; ')
}

export function renderSpecReference(): string {
  const rows = [
    '| spec path | API name | type | rules | description |',
    '| --- | --- | --- | --- | --- |',
    `| \`version\` | — | integer | **required**; \`1\` | ${cell(SPEC_KEYS.version)} |`,
    ...FIELDS.map(
      f =>
        `| \`${f.path}\` | \`${f.api}\` | ${TYPE_NAMES[f.type]} | ${cell(rulesOf(f))} | ${cell(f.description)} |`
    ),
    `| \`extraParameters\` | (as named) | map | may not name a mapped parameter | ${cell(SPEC_KEYS.extraParameters)} |`
  ]
  return `${rows.join('\n')}\n`
}
