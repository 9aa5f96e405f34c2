/** A spec after validation: each set field's checked value, ready for the request builder. */
import type { JsonValue } from './json-value.js'

export interface Tag {
  key: string
  value: string
}

export type Checked =
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number }
  /** Strings and quantities, exactly as they are sent. */
  | { kind: 'text'; value: string }
  | { kind: 'list'; value: string[] }
  | { kind: 'ports'; value: number[] }
  | { kind: 'tags'; value: Tag[] }
  | { kind: 'json'; value: JsonValue }
  /** Certificates and keys as normalised PEM text. */
  | { kind: 'pem'; value: string }

export interface ExtraParameter {
  name: string
  /** The scalar's text as written (after `${NAME}` interpolation). */
  text: string
}

export interface SpecValues {
  /** Spec path → checked value, only for fields the file sets. */
  fields: ReadonlyMap<string, Checked>
  extras: readonly ExtraParameter[]
}
