/**
 * The field table → JSON Schema (draft 2020-12) for editors (`# yaml-language-server: $schema=...`). Only
 * error-class rules become constraints, so an editor never underlines a value the action accepts; the
 * warning-class rules are named in the descriptions, and open lists become `examples` for completion.
 */
import {
  ACTION_FIELDS,
  type Constraint,
  FIELDS,
  type FieldEntry,
  type FieldSpec,
  SECTIONS,
  SPEC_KEYS
} from './fields.js'
import { FORMATS, isStringFormat, QUANTITY_PATTERN } from './formats.js'
import { afterCreation } from './lifecycle.js'
import { basisOf, constraintNotes } from './reference.js'
import { ACCESS_LOG_KEYS } from './structured.js'

export type JsonSchema = { [keyword: string]: unknown }

const NAME = '[A-Za-z_][A-Za-z0-9_]*'
/** A value written as exactly `${NAME}`: its type is only known once the environment is read. */
const WHOLE_REFERENCE: JsonSchema = { type: 'string', pattern: `^\\$\\{${NAME}\\}$` }
/** Any string that uses `${NAME}` somewhere. */
const HAS_REFERENCE: JsonSchema = { type: 'string', pattern: `\\$\\{${NAME}\\}` }

const orReference = (schema: JsonSchema, reference = WHOLE_REFERENCE): JsonSchema => ({
  anyOf: [schema, reference]
})

const errors = (field: FieldEntry): Constraint[] =>
  (field.rules ?? []).filter(c => basisOf(c).level === 'error')

/** Values of a list the API doc leaves open: offered for completion, never required. */
function examples(field: FieldEntry): JsonSchema {
  const open = (field.rules ?? []).find(c => c.kind === 'enum' && c.basis.level === 'warning')
  return open?.kind === 'enum' ? { examples: open.values } : {}
}

function stringSchema(field: FieldEntry): JsonSchema {
  const rules = errors(field)
  const closed = rules.find(c => c.kind === 'enum')
  if (closed?.kind === 'enum') return orReference({ type: 'string', enum: closed.values }, HAS_REFERENCE)
  const patterns = rules.flatMap(c =>
    c.kind === 'format' && isStringFormat(c.format) && FORMATS[c.format].pattern
      ? [FORMATS[c.format].pattern]
      : []
  )
  const schema: JsonSchema = {
    type: 'string',
    ...(field.required ? { minLength: 1 } : {}),
    ...(patterns.length ? { pattern: patterns[0] } : {}),
    ...examples(field)
  }
  return patterns.length ? orReference(schema, HAS_REFERENCE) : schema
}

function numberSchema(field: FieldEntry, type: 'integer' | 'number'): JsonSchema {
  const rules = errors(field)
  const closed = rules.find(c => c.kind === 'enum')
  const mins = rules.flatMap(c => (c.kind === 'range' && c.min !== undefined ? [c.min] : []))
  const maxes = rules.flatMap(c => (c.kind === 'range' && c.max !== undefined ? [c.max] : []))
  return {
    type,
    ...(closed?.kind === 'enum' ? { enum: closed.values } : examples(field)),
    ...(mins.length ? { minimum: Math.max(...mins) } : {}),
    ...(maxes.length ? { maximum: Math.min(...maxes) } : {})
  }
}

const LOCALITY_CONFIG: JsonSchema = {
  type: 'object',
  properties: {
    failover: { description: 'A list of {from, to} localities.' },
    distribute: { description: 'A list of {from, to: {locality: weight}}, weights adding up to 100.' }
  }
}

const ACCESS_LOG_FORMAT: JsonSchema = {
  type: 'object',
  required: ACCESS_LOG_KEYS,
  properties: Object.fromEntries(
    ACCESS_LOG_KEYS.map(key => [key, { description: 'An Envoy format string.' }])
  )
}

const TAGS: JsonSchema = {
  type: 'object',
  additionalProperties: { type: ['string', 'number', 'boolean', 'null'] }
}

function listSchema(field: FieldEntry, items: JsonSchema): JsonSchema {
  const least = errors(field).flatMap(c => (c.kind === 'items' && c.min ? [c.min] : []))
  return { type: 'array', items, ...(least.length ? { minItems: Math.max(...least) } : {}) }
}

function valueSchema(field: FieldEntry): JsonSchema {
  switch (field.type) {
    case 'string':
      return stringSchema(field)
    case 'boolean':
      return orReference({ type: 'boolean' })
    case 'integer':
      return orReference(numberSchema(field, 'integer'))
    case 'number':
      return orReference(numberSchema(field, 'number'))
    case 'quantity':
      return {
        anyOf: [{ type: 'string', pattern: QUANTITY_PATTERN }, { type: 'number', minimum: 0 }, HAS_REFERENCE]
      }
    case 'stringList':
      return listSchema(field, stringSchema({ ...field, type: 'string' }))
    case 'portList':
      return listSchema(field, orReference(numberSchema(field, 'integer')))
    case 'tags':
      return TAGS
    case 'json':
      return field.rules?.some(c => c.kind === 'format' && c.format === 'accessLogFormat')
        ? ACCESS_LOG_FORMAT
        : LOCALITY_CONFIG
    case 'certificate':
    case 'certificates':
      return { type: 'string', minLength: 1 }
    case 'privateKey':
      return WHOLE_REFERENCE
  }
}

/** A field's schema; only API parameters (with their lifecycle) change after creation. */
function fieldSchema(field: FieldEntry | FieldSpec): JsonSchema {
  const after = 'lifecycle' in field ? ` After creation: ${afterCreation(field.lifecycle)}.` : ''
  const warned = constraintNotes(field).flatMap(n => (n.warned ? [n.text] : []))
  const warnings = warned.length ? ` Warned about, never refused: ${warned.join('; ')}.` : ''
  return {
    description: `${field.description} (${field.api ? `API: ${field.api}` : 'not sent to the API'})${warnings}${after}`,
    ...(field.deprecated ? { deprecated: true } : {}),
    ...valueSchema(field)
  }
}

function section(description: string | undefined): JsonSchema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    additionalProperties: false,
    properties: {}
  }
}

export function meshSchema(): JsonSchema {
  const root: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Alibaba Cloud Service Mesh (ASM) spec',
    description:
      'One mesh per file; every CreateServiceMesh parameter has one place. Only what is set is sent.',
    ...section(undefined),
    required: ['version', 'name', 'region', 'network']
  }
  const properties = root.properties as Record<string, JsonSchema>
  properties.version = { description: SPEC_KEYS.version, const: 1 }
  for (const field of [...FIELDS, ...ACTION_FIELDS]) {
    const segments = field.path.split('.')
    let parent = root
    segments.slice(0, -1).forEach((segment, i) => {
      const children = parent.properties as Record<string, JsonSchema>
      children[segment] ??= section(SECTIONS[segments.slice(0, i + 1).join('.')])
      parent = children[segment]
    })
    const leaf = segments[segments.length - 1]
    ;(parent.properties as Record<string, JsonSchema>)[leaf] = fieldSchema(field)
    if (field.required === 'api' && parent !== root)
      parent.required = [...((parent.required as string[]) ?? []), leaf]
  }
  properties.extraParameters = {
    description: SPEC_KEYS.extraParameters,
    type: 'object',
    propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9]*$', not: { enum: FIELDS.map(f => f.api) } },
    additionalProperties: { type: ['string', 'number', 'boolean'] }
  }
  return root
}

/** The committed file's exact text. */
export const meshSchemaText = (): string => `${JSON.stringify(meshSchema(), null, 2)}\n`
