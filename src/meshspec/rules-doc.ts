/**
 * docs/rules.md: every rule the validator applies, its class (error or warning) and its source, rendered
 * from the very objects the checks report through (basis.ts), so the table cannot drift from the code.
 */
import type { Basis, Rule } from './basis.js'
import { PEM_RULES } from './check-pem.js'
import { DEPRECATED, FIELDS, type FieldSpec, REQUIRED_BASIS } from './fields.js'
import { FORMATS, isStringFormat } from './formats.js'
import { basisOf, constraintText } from './reference.js'
import { ENV_RULES, EXTRA_RULES, FILE_RULES, KEY_RULES } from './rulebook.js'
import { type Condition, CROSS_RULES, type CrossRule } from './rules.js'
import { SAFETY_RULES } from './safety.js'
import { ACCESS_LOG_RULES, LOCALITY_RULES } from './structured.js'
import { TAG_RULES } from './tags.js'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const source = (basis: Basis): string => cell(`${basis.source} — ${basis.ref}`)
const row = (cells: string[], basis: Basis): string =>
  `| ${[...cells.map(cell), `**${basis.level}**`, source(basis)].join(' | ')} |`

function table(head: string[], rows: string[]): string {
  const columns = [...head, 'class', 'source']
  return [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...rows].join('\n')
}

const ruleTable = (rules: readonly Rule[]): string =>
  table(
    ['rule'],
    rules.map(r => row([r.text], r))
  )

/** One row per rule of a field: required, each constraint (a format's own rules each), deprecated. */
function fieldRows(field: FieldSpec): string[] {
  const at = [`\`${field.path}\``, field.api]
  const rows: string[] = []
  if (field.required) rows.push(row([...at, 'required'], REQUIRED_BASIS[field.required]))
  for (const constraint of field.rules ?? []) {
    const inner =
      constraint.kind === 'format' && isStringFormat(constraint.format) && FORMATS[constraint.format].rules
    if (inner) rows.push(...inner.map(r => row([...at, r.text], r)))
    else rows.push(row([...at, constraintText(constraint, field)], basisOf(constraint)))
  }
  if (field.mustInterpolate) rows.push(row([...at, 'written as ${NAME}'], ENV_RULES.fromSecret))
  if (field.deprecated) rows.push(row([...at, `not set: ${field.deprecated}`], DEPRECATED))
  return rows
}

const condition = (c: Condition): string =>
  c.equals === undefined ? `${c.path} set` : `${c.path}: ${JSON.stringify(c.equals)}`

function crossText(rule: CrossRule): string {
  switch (rule.kind) {
    case 'only': {
      const shown = rule.value === undefined ? rule.path : `${rule.path}: ${rule.value}`
      return `\`${shown}\` only with ${rule.when.map(condition).join(' and ')}`
    }
    case 'needs':
      return `\`${rule.path}\` set when ${rule.when.map(condition).join(' and ')}`
    case 'notAbove':
      return `\`${rule.path}\` not above \`${rule.limit}\``
    case 'keyMatchesCert':
      return `\`${rule.path}\` is the private key of \`${rule.cert}\``
  }
}

export function renderRules(): string {
  const sections = [
    '# Validation rules',
    '<!-- Generated from src/meshspec by `npm run generate`; edit the code, not this file. -->',
    'An **error** stops the run before anything is sent; a **warning** is reported and the value is sent as ' +
      'written. The rule (docs/contract.md §4.2): an error only where the CreateServiceMesh documentation says ' +
      'a value cannot work, or where it can never work; a rule learned anywhere else is a warning that names ' +
      'its source. The JSON Schema (schema/mesh.schema.json) holds only the error rules.',
    '## The file and YAML',
    ruleTable(Object.values(FILE_RULES)),
    '## Keys, types and values',
    ruleTable([
      ...Object.values(KEY_RULES),
      ...Object.values(SAFETY_RULES),
      ...Object.values(PEM_RULES),
      ...Object.values(TAG_RULES)
    ]),
    '## Values from the environment',
    ruleTable(Object.values(ENV_RULES)),
    '## Fields',
    table(['spec path', 'API name', 'rule'], FIELDS.flatMap(fieldRows)),
    '## Structured values',
    ruleTable([...Object.values(ACCESS_LOG_RULES), ...Object.values(LOCALITY_RULES)]),
    '## Across fields',
    table(
      ['rule'],
      CROSS_RULES.map(r => row([crossText(r)], r.basis))
    ),
    '## extraParameters',
    ruleTable(Object.values(EXTRA_RULES))
  ]
  return `${sections.join('\n\n')}\n`
}
