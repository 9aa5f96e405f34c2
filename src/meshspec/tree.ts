/** The parsed spec: YAML nodes reduced to what validation needs, each with its 1-based position. */

export interface Position {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** How a scalar used `${NAME}` references. */
export interface EnvUse {
  names: string[]
  /** The whole scalar was exactly one `${NAME}`. */
  whole: boolean
  /** A reference could not be resolved (already reported): the value is not meaningful. */
  failed: boolean
}

export interface ScalarNode {
  kind: 'scalar'
  /** YAML 1.2 core-schema value, after `${NAME}` interpolation for strings. */
  value: string | number | boolean | null
  /** The scalar as written (plain scalars) or its decoded text (quoted and block scalars). */
  source: string
  pos: Position
  env?: EnvUse
  /** The value could not be read (already reported): checking it again would only add noise. */
  invalid?: true
}

export interface MapEntry {
  key: string
  keyPos: Position
  value: SpecNode
}

export interface MapNode {
  kind: 'map'
  /** In file order. A list, not an object, so keys such as `__proto__` are plain data. */
  entries: MapEntry[]
  pos: Position
}

export interface SeqNode {
  kind: 'seq'
  items: SpecNode[]
  pos: Position
}

export type SpecNode = ScalarNode | MapNode | SeqNode

/** A short, safe description of a node for `found`: never a value that came from the environment. */
export function describeNode(node: SpecNode): string {
  if (node.kind === 'map') return 'a mapping'
  if (node.kind === 'seq') return 'a list'
  if (node.env) return `the value of ${node.env.names.map(n => '${' + n + '}').join(', ')}`
  const { value } = node
  if (value === null) return 'an empty value'
  if (typeof value === 'boolean') return `the boolean ${value}`
  if (typeof value === 'number') return `the number ${node.source}`
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value
  return `the string ${JSON.stringify(shown)}`
}
