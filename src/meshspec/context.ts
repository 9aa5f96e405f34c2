/** What the checks of one spec share, and how they report a value of the wrong type. */
import type { KeyObject, X509Certificate } from 'node:crypto'
import type { ValueType } from './fields.js'
import type { Problems } from './problems.js'
import { KEY_RULES } from './rulebook.js'
import { describeNode, type MapEntry, type SpecNode } from './tree.js'
import type { Checked } from './values.js'

export interface Present {
  entry: MapEntry
  /** The checked value; absent when the value is invalid (already reported). */
  checked?: Checked
}

/** What the checks of one spec share: where to report, and what later cross-field rules read. */
export interface Context {
  problems: Problems
  present: Map<string, Present>
  certificates: Map<string, X509Certificate[]>
  keys: Map<string, KeyObject>
}

export const TYPE_EXPECTED: Readonly<Record<ValueType, string>> = {
  string: 'a string',
  boolean: 'true or false',
  integer: 'an integer',
  number: 'a number',
  quantity: 'a quantity: a string such as "500m", or a number',
  stringList: 'a YAML list such as [a, b]',
  portList: 'a YAML list of ports such as [80, 443]',
  tags: 'a mapping of tag keys to values',
  json: 'a mapping',
  certificate: 'a PEM certificate or Base64 of one',
  certificates: 'PEM certificates or Base64 of them',
  privateKey: 'a PEM private key or Base64 of one'
}

/** Reports a value of the wrong type, with a hint for the two mistakes YAML makes easy. */
export function wrongType(problems: Problems, node: SpecNode, path: string, expected: string): undefined {
  const text = node.kind === 'scalar' && typeof node.value === 'string' && !node.env ? node.value.trim() : ''
  const hint =
    expected === 'true or false' && /^(y|yes|n|no|on|off)$/i.test(text)
      ? `; YAML 1.2 reads ${text} as a string`
      : expected.startsWith('a mapping') && text.startsWith('{')
        ? ', not a string of JSON: remove the quotes around it, and YAML reads the JSON as a mapping'
        : ''
  problems.report(KEY_RULES.type, node.pos, path, `${path} must be ${expected}${hint}`, {
    found: describeNode(node)
  })
  return undefined
}
