/**
 * CONTRACT (filled in by the spec engine): a valid spec → the exact CreateServiceMesh wire parameters.
 */
import { createHash } from 'node:crypto'
import { FIELDS, type FieldSpec } from './fields.js'
import { compactJson } from './json-value.js'
import { toBase64 } from './pem.js'
import type { Checked, SpecValues } from './values.js'

/** One parameter as sent, and as compared across runs. */
export interface WireParameter {
  /** API name, e.g. `TraceSampling`; `Tag` for every tag; the raw name for extraParameters. */
  parameter: string
  /** Spec path, e.g. `tracing.sampling`; tags are `tags.<key>`; extras `extraParameters.<Name>`. */
  path: string
  /** Exactly what goes on the wire (before form/query encoding). Secret: never log or store. */
  wire: string
  /**
   * Normalised form for diffs and state: order-insensitive lists sorted, JSON canonical, and for
   * secret fields a fingerprint `sha256:<hex>` instead of the value. Safe to print and store.
   */
  comparable: string
  secret: boolean
}

export interface MeshRequest {
  name: string
  region: string
  /** Flattened query parameters (only `Tag.N.Key` / `Tag.N.Value`). */
  query: Record<string, string>
  /** Form-body parameters, in table order. */
  body: Record<string, string>
  /** One entry per spec path that the file sets, in a stable order. */
  parameters: WireParameter[]
  /** Not sent: what the action may do to the mesh (`lifecycle`, docs/contract.md §7.3). */
  lifecycle?: { preventDestroy: boolean }
}

export const fingerprint = (wire: string): string =>
  `sha256:${createHash('sha256').update(wire).digest('hex')}`

function wireText(field: FieldSpec, checked: Checked): string {
  switch (checked.kind) {
    case 'boolean':
    case 'number':
      return String(checked.value)
    case 'text':
      return checked.value
    case 'list':
      return field.wire === 'jsonArray' ? JSON.stringify(checked.value) : checked.value.join(',')
    case 'ports':
      return checked.value.join(',')
    case 'json':
      return compactJson(checked.value)
    case 'pem':
      return toBase64(checked.value)
    case 'tags':
      throw new Error(`${field.path}: tags are query parameters, not one wire value`)
  }
}

function comparableText(field: FieldSpec, checked: Checked, wire: string): string {
  if (field.secret || field.fingerprint) return fingerprint(wire)
  if (field.orderInsensitive && checked.kind === 'list') {
    const sorted = [...checked.value].sort()
    return field.wire === 'jsonArray' ? JSON.stringify(sorted) : sorted.join(',')
  }
  if (field.orderInsensitive && checked.kind === 'ports')
    return [...checked.value].sort((a, b) => a - b).join(',')
  if (checked.kind === 'json') return compactJson(checked.value, true)
  return wire
}

function textOf(values: SpecValues, path: string): string {
  const checked = values.fields.get(path)
  if (checked?.kind !== 'text') throw new Error(`a valid spec always has ${path}`)
  return checked.value
}

/** Only what the file sets is sent; nothing is defaulted here. */
export function buildRequest(values: SpecValues): MeshRequest {
  const request: MeshRequest = {
    name: textOf(values, 'name'),
    region: textOf(values, 'region'),
    query: {},
    body: {},
    parameters: [],
    lifecycle: { preventDestroy: values.fields.get('lifecycle.preventDestroy')?.value === true }
  }
  for (const field of FIELDS) {
    const checked = values.fields.get(field.path)
    if (!checked) continue
    if (checked.kind === 'tags') {
      checked.value.forEach(({ key, value }, index) => {
        request.query[`Tag.${index + 1}.Key`] = key
        request.query[`Tag.${index + 1}.Value`] = value
        request.parameters.push({
          parameter: field.api,
          path: `tags.${key}`,
          wire: value,
          comparable: value,
          secret: false
        })
      })
      continue
    }
    const wire = wireText(field, checked)
    request.body[field.api] = wire
    request.parameters.push({
      parameter: field.api,
      path: field.path,
      wire,
      comparable: comparableText(field, checked, wire),
      secret: field.secret === true
    })
  }
  for (const { name, text } of values.extras) {
    request.body[name] = text
    request.parameters.push({
      parameter: name,
      path: `extraParameters.${name}`,
      wire: text,
      comparable: text,
      secret: false
    })
  }
  return request
}
