/**
 * Spec bytes → a tree of positioned nodes (tree.ts), with `${NAME}` interpolation. Hostile input is bounded
 * before and while YAML parses it: size, encoding, nesting depth and alias expansion.
 */
import {
  Composer,
  CST,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  type Node as YamlNode,
  Parser
} from 'yaml'
import type { Basis } from './basis.js'
import { decodeText } from './input-text.js'
import { type Env, interpolate } from './interpolate.js'
import { LineIndex } from './lines.js'
import { literalProblems } from './literals.js'
import { Problems, START } from './problems.js'
import { ENV_RULES, FILE_RULES } from './rulebook.js'
import type { MapNode, Position, ScalarNode, SpecNode } from './tree.js'
import { reportYamlIssues } from './yaml-issues.js'

export { MAX_SPEC_BYTES } from './input-text.js'
/** Far above any real spec (about 7 levels) and far below what could exhaust the stack. */
export const MAX_NESTING = 64
export const MAX_ALIASES = 100
/**
 * Keys, values and punctuation the lexer may find. A full spec has about 1,000; the cap keeps the YAML parser
 * (linear, but slow on a 1 MiB file of tiny keys) well under a second on hostile input.
 */
export const MAX_TOKENS = 50_000
/** Nodes that aliases may add in total (an alias bomb multiplies them). */
const MAX_ALIAS_NODES = 10_000

export interface ParsedSpec {
  /** Absent when the file cannot be read as one YAML mapping. */
  root?: MapNode
  problems: Problems
  /** Every value substituted from the environment (to be masked). */
  envValues: string[]
}

export interface ParseOptions {
  /** Workspace-relative file name for diagnostics. */
  file: string
  env: Env
}

export function parseSpec(input: Uint8Array, options: ParseOptions): ParsedSpec {
  const problems = new Problems(options.file)
  const parsed: ParsedSpec = { problems, envValues: [] }
  const text = decodeText(input, problems)
  if (text === undefined) return parsed

  const docs = parseDocuments(text)
  if (typeof docs === 'string') {
    problems.report(FILE_RULES.bounds, START, '', LIMIT_PROBLEMS[docs])
    return parsed
  }
  const lines = new LineIndex(text)
  const at = (offset: number, end = offset): Position => lines.range(offset, end)

  if (docs.length === 0 || docs[0].contents === null) {
    problems.report(FILE_RULES.rootMapping, START, '', 'the spec file is empty', {
      expected: 'a YAML mapping with version, name, region, network'
    })
    return parsed
  }
  for (const extra of docs.slice(1)) {
    const message = `the file holds ${docs.length} YAML documents; put one mesh per file`
    problems.report(FILE_RULES.oneDocument, at(extra.range[0]), '', message)
  }
  const document = docs[0]
  const issues = [...document.errors, ...document.warnings]
  reportYamlIssues(issues, text, lines, problems)
  if (issues.length > 0) return parsed

  const root = new TreeBuilder(text, problems, options.env, at).build(document.contents as YamlNode)
  parsed.envValues = root.envValues
  if (root.node.kind !== 'map') {
    problems.report(
      FILE_RULES.rootMapping,
      root.node.pos,
      '',
      'the spec must be a YAML mapping of key: value lines',
      {
        found: root.node.kind === 'seq' ? 'a list' : 'a single value'
      }
    )
    return parsed
  }
  parsed.root = root.node
  return parsed
}

const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  // Duplicates are found below with a Set: yaml's own check compares every pair of keys (quadratic).
  uniqueKeys: false,
  strict: true
} as const

type Limit = 'depth' | 'tokens'

const DEPTH_MESSAGE = `the YAML nests deeper than ${MAX_NESTING} levels; a spec needs about 7`
const LIMIT_PROBLEMS: Readonly<Record<Limit, string>> = {
  depth: DEPTH_MESSAGE,
  tokens: `the file holds more than ${MAX_TOKENS} YAML tokens; a spec has a few hundred keys and values`
}

/**
 * What yaml's parseAllDocuments does, with the text lexed once: the lexer's tokens are measured (YamlShape)
 * as they come, and only a text within the limits goes on to the parser and composer, which recurse and
 * are much slower per token (so hostile input is refused at the lexer's cost).
 */
function parseDocuments(text: string): Document.Parsed[] | Limit {
  const shape = new YamlShape()
  const tokens: string[] = []
  for (const token of new Lexer().lex(text)) {
    const limit = shape.add(token)
    if (limit) return limit
    tokens.push(token)
  }
  const parser = new Parser()
  const composer = new Composer(YAML_OPTIONS)
  const docs: Document.Parsed[] = []
  for (const token of tokens) for (const node of parser.next(token)) docs.push(...composer.next(node))
  for (const node of parser.end()) docs.push(...composer.next(node))
  docs.push(...composer.end())
  return docs
}

/**
 * The size of the YAML, token by token: the tokens so far, and an upper estimate of the depth (flow
 * brackets, plus indentation levels, plus block indicators on one line such as `- - - x`).
 */
class YamlShape {
  private tokens = 0
  private readonly indents: number[] = []
  private flow = 0
  private onLine = 0
  private lineStart = true

  /** The limit that this token passes, if any. */
  add(token: string): Limit | undefined {
    if (++this.tokens > MAX_TOKENS) return 'tokens'
    const type = CST.tokenType(token)
    if (type === 'newline') {
      this.lineStart = true
      this.onLine = 0
      return undefined
    }
    if (this.lineStart) {
      const indent = type === 'space' ? token.length : 0
      const { indents } = this
      while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop()
      if (indent > 0) indents.push(indent)
      this.lineStart = false
    }
    if (type === 'flow-map-start' || type === 'flow-seq-start') this.flow++
    else if (type === 'flow-map-end' || type === 'flow-seq-end') this.flow = Math.max(0, this.flow - 1)
    else if (
      this.flow === 0 &&
      (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')
    ) {
      this.onLine++
    }
    return this.flow + this.indents.length + this.onLine > MAX_NESTING ? 'depth' : undefined
  }
}

/** yaml's document nodes → tree.ts nodes, expanding aliases within a budget and interpolating strings. */
class TreeBuilder {
  readonly envValues: string[] = []
  private readonly anchors = new Map<string, YamlNode>()
  private aliases = 0
  private aliasNodes = 0
  private aliasLimitReported = false
  private depthReported = false
  private readonly text: string
  private readonly problems: Problems
  private readonly env: Env
  private readonly at: (start: number, end?: number) => Position

  constructor(text: string, problems: Problems, env: Env, at: (start: number, end?: number) => Position) {
    this.text = text
    this.problems = problems
    this.env = env
    this.at = at
  }

  build(node: YamlNode): { node: SpecNode; envValues: string[] } {
    return { node: this.node(node, '', 0, false, START), envValues: this.envValues }
  }

  private node(
    node: YamlNode | null,
    path: string,
    depth: number,
    inAlias: boolean,
    fallback: Position
  ): SpecNode {
    if (node === null) return { kind: 'scalar', value: null, source: '', pos: fallback }
    const pos = node.range ? this.at(node.range[0], node.range[1]) : fallback
    if (depth > MAX_NESTING) {
      if (!this.depthReported) this.problems.report(FILE_RULES.bounds, pos, path, DEPTH_MESSAGE)
      this.depthReported = true
      return emptyScalar(pos)
    }
    if (inAlias && !this.withinAliasBudget(pos, path)) return emptyScalar(pos)
    if (isAlias(node)) return this.alias(node.source, pos, path, depth, inAlias)
    if (!inAlias && node.anchor) this.anchors.set(node.anchor, node)

    if (isScalar(node)) return this.scalar(node.value, node.source, node.range, pos, path)
    if (isSeq(node)) {
      const items = node.items.map((item, i) =>
        this.node(item as YamlNode, `${path}[${i}]`, depth + 1, inAlias, pos)
      )
      return { kind: 'seq', items, pos }
    }
    if (isMap(node)) {
      const map: MapNode = { kind: 'map', entries: [], pos }
      const seen = new Set<string>()
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null
        const keyPos = keyNode?.range ? this.at(keyNode.range[0], keyNode.range[1]) : pos
        if (!isScalar(keyNode)) {
          this.problems.report(
            FILE_RULES.plainKey,
            keyPos,
            path,
            'a key must be a plain name, not a mapping or a list'
          )
          continue
        }
        const key =
          typeof keyNode.value === 'string' ? keyNode.value : String(keyNode.source ?? keyNode.value)
        const childPath = path ? `${path}.${key}` : key
        if (seen.has(key)) {
          if (!inAlias) {
            const message = `${childPath} appears twice; write each key once per mapping`
            this.problems.report(FILE_RULES.duplicateKey, keyPos, childPath, message)
          }
          continue
        }
        seen.add(key)
        const value = this.node(pair.value as YamlNode | null, childPath, depth + 1, inAlias, keyPos)
        map.entries.push({ key, keyPos, value })
      }
      return map
    }
    return emptyScalar(pos)
  }

  private withinAliasBudget(pos: Position, path: string): boolean {
    if (++this.aliasNodes <= MAX_ALIAS_NODES) return true
    if (!this.aliasLimitReported) {
      const message = `aliases expand to too many values, more than ${MAX_ALIAS_NODES}`
      this.problems.report(FILE_RULES.bounds, pos, path, message)
      this.aliasLimitReported = true
    }
    return false
  }

  private alias(name: string, pos: Position, path: string, depth: number, inAlias: boolean): SpecNode {
    // Counts the aliases written in the file; what they expand to is bounded by the alias budget.
    if (!inAlias && ++this.aliases > MAX_ALIASES) {
      if (this.aliases === MAX_ALIASES + 1) {
        this.problems.report(FILE_RULES.bounds, pos, path, `the file uses more than ${MAX_ALIASES} aliases`)
      }
      return emptyScalar(pos)
    }
    const target = this.anchors.get(name)
    if (!target) {
      this.problems.report(FILE_RULES.alias, pos, path, `alias *${name} has no anchor &${name} before it`)
      return emptyScalar(pos)
    }
    return this.node(target, path, depth, true, pos)
  }

  private scalar(
    value: unknown,
    source: string | undefined,
    range: YamlNode['range'],
    pos: Position,
    path: string
  ): ScalarNode {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      const message =
        'a tagged value such as !!binary is not supported: write a plain string, number, boolean or null'
      this.problems.report(FILE_RULES.plainValue, pos, path, message)
      return emptyScalar(pos)
    }
    const written = source ?? String(value)
    const plain: ScalarNode = { kind: 'scalar', value: value as ScalarNode['value'], source: written, pos }
    if (typeof value !== 'string' || !value.includes('$')) return plain
    const literals = literalProblems(value)
    this.reportReferences(literals, range, pos, path)
    if (literals.some(p => p.rule.level === 'error')) return emptyScalar(pos)
    if (!value.includes('${')) return plain
    const result = interpolate(value, this.env)
    this.envValues.push(...result.substituted)
    this.reportReferences(
      result.problems.map(p => ({ ...p, rule: p.refused ? ENV_RULES.ownVariables : ENV_RULES.reference })),
      range,
      pos,
      path
    )
    return {
      ...plain,
      value: result.value,
      env: { names: result.names, whole: result.whole, failed: result.problems.length > 0 }
    }
  }

  /** Reports problems of references in a scalar at the reference itself. */
  private reportReferences(
    problems: readonly { rule: Basis; reference: string; message: string; expected?: string }[],
    range: YamlNode['range'],
    pos: Position,
    path: string
  ): void {
    const raw = range ? this.text.slice(range[0], range[1]) : ''
    for (const problem of problems) {
      const offset = raw.indexOf(problem.reference)
      const at =
        offset >= 0 && range ? this.at(range[0] + offset, range[0] + offset + problem.reference.length) : pos
      const detail = problem.expected === undefined ? {} : { expected: problem.expected }
      this.problems.report(problem.rule, at, path, problem.message, detail)
    }
  }
}

/** Stands in for a value that was refused (and reported). */
const emptyScalar = (pos: Position): ScalarNode => ({
  kind: 'scalar',
  value: null,
  source: '',
  pos,
  invalid: true
})
