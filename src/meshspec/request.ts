/**
 * CONTRACT (filled in by the spec engine): a valid spec → the exact CreateServiceMesh wire parameters, and
 * for each the form that may be stored and shown. Outside the request itself a value that came from the
 * environment is only ever `${NAME} sha256:<fingerprint>`, and a URL's user info is `***`
 * (docs/contract.md §4.1): the fingerprint still changes when the value does, so diffs work.
 */
import { fingerprint } from '../fingerprint.js'
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
   * Normalised form for diffs and state: order-insensitive lists sorted, JSON canonical; for secret fields
   * and certificates a fingerprint `sha256:<hex>` instead of the value; for a value from the environment
   * `${NAME} sha256:<hex>`; a URL with its user info as `***`, followed by the fingerprint. Safe to print
   * and store.
   */
  comparable: string
  secret: boolean
  /** The variables the value came from (`${NAME}`), in order; absent for a value written in the file. */
  env?: string[]
  /** `comparable` ends with the fingerprint that stands for the value, instead of holding the value. */
  hidden?: true
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

/** Where `${NAME}` was used in the spec: spec path of the scalar (`tags.team`, `a.b[0]`) → the names. */
export type EnvironmentPaths = ReadonlyMap<string, readonly string[]>

/** The mesh's identity: stored as written (it names the state key and is how the mesh is found). */
const IDENTITY = new Set(['name', 'region'])

/**
 * `scheme://user:password@` → `scheme://***@`. The user info runs to the last `@` before the host ends
 * (the URL parser's rule); characters that cannot be in it (quotes, brackets) end it early, so JSON
 * text around a URL stays as it is.
 */
const USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>\\[\]{}]*@/gi
const redactUserInfo = (text: string): string => text.replace(USER_INFO, '$1***@')

/** The names used at `path` or anywhere below it (list items, mapping keys), each once, in file order. */
function namesAt(paths: EnvironmentPaths, path: string): string[] {
  const names = new Set<string>()
  for (const [at, used] of paths) {
    if (at === path || at.startsWith(`${path}.`) || at.startsWith(`${path}[`)) used.forEach(n => names.add(n))
  }
  return [...names]
}

/** The parameter as it may be stored and shown: see WireParameter.comparable. */
function protect(parameter: WireParameter, paths: EnvironmentPaths, fingerprinted: boolean): WireParameter {
  if (IDENTITY.has(parameter.path)) return parameter
  const env = namesAt(paths, parameter.path)
  const print = fingerprinted ? parameter.comparable : fingerprint(parameter.comparable)
  if (env.length > 0) {
    const shown = env.map(name => `\${${name}}`).join(' ')
    return { ...parameter, comparable: `${shown} ${print}`, env, hidden: true }
  }
  const redacted = redactUserInfo(parameter.comparable)
  if (redacted !== parameter.comparable)
    return { ...parameter, comparable: `${redacted} ${print}`, hidden: true }
  return fingerprinted ? { ...parameter, hidden: true } : parameter
}

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

/** Only what the file sets is sent; nothing is defaulted here. `env`: where the spec used `${NAME}`. */
export function buildRequest(values: SpecValues, env: EnvironmentPaths = new Map()): MeshRequest {
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
        request.parameters.push(
          protect(
            { parameter: field.api, path: `tags.${key}`, wire: value, comparable: value, secret: false },
            env,
            false
          )
        )
      })
      continue
    }
    const wire = wireText(field, checked)
    request.body[field.api] = wire
    request.parameters.push(
      protect(
        {
          parameter: field.api,
          path: field.path,
          wire,
          comparable: comparableText(field, checked, wire),
          secret: field.secret === true
        },
        env,
        field.secret === true || field.fingerprint === true
      )
    )
  }
  for (const { name, text } of values.extras) {
    request.body[name] = text
    request.parameters.push(
      protect(
        { parameter: name, path: `extraParameters.${name}`, wire: text, comparable: text, secret: false },
        env,
        false
      )
    )
  }
  return request
}
