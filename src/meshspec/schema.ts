/** The field table → JSON Schema (draft 2020-12) for editors (`# yaml-language-server: $schema=...`). */
import { FIELDS, type FieldSpec, SECTIONS, SPEC_KEYS } from './fields.js'
import { CPU_PATTERN, FORMATS, isStringFormat, MEMORY_PATTERN } from './formats.js'
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

function stringSchema(field: FieldSpec): JsonSchema {
  const { rules = {} } = field
  if (rules.enum) return orReference({ type: 'string', enum: rules.enum }, HAS_REFERENCE)
  const pattern = isStringFormat(rules.format) ? FORMATS[rules.format].pattern : undefined
  const schema: JsonSchema = { type: 'string', minLength: 1, ...(pattern ? { pattern } : {}) }
  return pattern ? orReference(schema, HAS_REFERENCE) : schema
}

function numberSchema(field: FieldSpec, type: 'integer' | 'number'): JsonSchema {
  const { rules = {} } = field
  return {
    type,
    ...(rules.enum ? { enum: rules.enum } : {}),
    ...(rules.min === undefined ? {} : { minimum: rules.min }),
    ...(rules.max === undefined ? {} : { maximum: rules.max })
  }
}

const LOCALITY: JsonSchema = { type: 'string', minLength: 1 }
const localityRule = (to: JsonSchema): JsonSchema => ({
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'to'],
    properties: { from: LOCALITY, to }
  }
})

const LOCALITY_CONFIG: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  // Exactly one of failover and distribute.
  minProperties: 1,
  maxProperties: 1,
  properties: {
    failover: localityRule(LOCALITY),
    distribute: localityRule({
      type: 'object',
      minProperties: 1,
      additionalProperties: { type: 'integer', minimum: 0, maximum: 100 }
    })
  }
}

const FORMAT_STRING: JsonSchema = { type: 'string', minLength: 1 }
const ACCESS_LOG_FORMAT: JsonSchema = {
  type: 'object',
  required: ACCESS_LOG_KEYS,
  properties: Object.fromEntries(ACCESS_LOG_KEYS.map(key => [key, FORMAT_STRING])),
  additionalProperties: FORMAT_STRING
}

/** Alibaba Cloud's tag rules; JSON Schema patterns have no flags, hence the spelled-out case-insensitivity. */
const TAGS = (max: number): JsonSchema => ({
  type: 'object',
  maxProperties: max,
  propertyNames: {
    minLength: 1,
    maxLength: 128,
    not: { pattern: '^([Aa][Ll][Ii][Yy][Uu][Nn]|[Aa][Cc][Ss]:)' }
  },
  additionalProperties: { type: 'string', maxLength: 128 }
})

function valueSchema(field: FieldSpec): JsonSchema {
  const { rules = {} } = field
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
        anyOf: [
          { type: 'string', pattern: rules.format === 'cpu' ? CPU_PATTERN : MEMORY_PATTERN },
          { type: 'number', minimum: 0 },
          HAS_REFERENCE
        ]
      }
    case 'stringList':
      return {
        type: 'array',
        items: stringSchema({ ...field, type: 'string' }),
        ...(rules.minItems ? { minItems: rules.minItems } : {}),
        ...(rules.unique ? { uniqueItems: true } : {})
      }
    case 'portList':
      return {
        type: 'array',
        items: orReference(numberSchema(field, 'integer')),
        ...(rules.unique ? { uniqueItems: true } : {})
      }
    case 'tags':
      return TAGS(rules.maxItems ?? 20)
    case 'json':
      return rules.format === 'accessLogFormat' ? ACCESS_LOG_FORMAT : LOCALITY_CONFIG
    case 'certificate':
    case 'certificates':
      return { type: 'string', minLength: 1 }
    case 'privateKey':
      return WHOLE_REFERENCE
  }
}

function fieldSchema(field: FieldSpec): JsonSchema {
  return {
    description: `${field.description} (API: ${field.api})`,
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
  for (const field of FIELDS) {
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
