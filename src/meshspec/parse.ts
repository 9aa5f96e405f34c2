/**
 * Spec bytes → a tree of positioned nodes (tree.ts), with `${NAME}` interpolation. Hostile input is bounded
 * before and while YAML parses it: size, encoding, nesting depth and alias expansion.
 */
import { isUtf8 } from 'node:buffer'
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
  Parser,
  type YAMLError
} from 'yaml'
import { MAX_SPEC_BYTES } from '../workspace.js'
import { type Env, interpolate } from './interpolate.js'
import { LineIndex } from './lines.js'
import { Problems, START } from './problems.js'
import type { MapNode, Position, ScalarNode, SpecNode } from './tree.js'

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
    const { message, expected } = LIMIT_PROBLEMS[docs]
    problems.error(START, '', message, { expected })
    return parsed
  }
  const lines = new LineIndex(text)
  const at = (offset: number, end = offset): Position => lines.range(offset, end)

  if (docs.length === 0 || docs[0].contents === null) {
    problems.error(START, '', 'the spec file is empty', {
      expected: 'a YAML mapping with version, name, region, network'
    })
    return parsed
  }
  for (const extra of docs.slice(1)) {
    problems.error(at(extra.range[0]), '', 'the file holds more than one YAML document', {
      expected: 'one document (one mesh per file)',
      found: `${docs.length} documents`
    })
  }
  const document = docs[0]
  const issues = [...document.errors, ...document.warnings]
  for (const issue of issues) reportYamlIssue(issue, text, problems, at)
  if (issues.length > 0) return parsed

  const root = new TreeBuilder(text, problems, options.env, at).build(document.contents as YamlNode)
  parsed.envValues = root.envValues
  if (root.node.kind !== 'map') {
    problems.error(root.node.pos, '', 'the spec must be a YAML mapping', {
      expected: 'a mapping (key: value lines) at the top level',
      found: root.node.kind === 'seq' ? 'a list' : 'a single value'
    })
    return parsed
  }
  parsed.root = root.node
  return parsed
}

const YAML_EXPECTATIONS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'spaces for indentation (YAML does not allow tabs there)',
  TAG_RESOLVE_FAILED: 'no custom tags (!name); plain YAML values',
  BAD_ALIAS: 'an alias (*name) to an anchor (&name) defined earlier'
}

function reportYamlIssue(
  issue: YAMLError,
  text: string,
  problems: Problems,
  at: (start: number, end: number) => Position
) {
  const pos = at(issue.pos[0], issue.pos[1])
  const line = text.split('\n', pos.line)[pos.line - 1] ?? ''
  // `{a: ${X}}` is not YAML: braces end a plain value inside [ ] and { }, so the reference needs quotes.
  const unquotedReference = /[[{,].*\$\{/.test(line)
  const expected = unquotedReference
    ? "quotes around ${NAME} inside [ ] or { }, e.g. {key: '${NAME}'}"
    : (YAML_EXPECTATIONS[issue.code] ?? 'valid YAML 1.2')
  problems.error(pos, '', `YAML: ${issue.message.split('\n')[0]}`, { expected })
}

/** Bytes → text, or undefined with a diagnostic for oversized, binary or non-UTF-8 input. */
function decodeText(input: Uint8Array, problems: Problems): string | undefined {
  if (input.length > MAX_SPEC_BYTES) {
    // The file reader stops one byte past the limit, so the size is only known to be over it.
    problems.error(START, '', 'the spec file is larger than 1 MiB', {
      expected: 'a spec file of at most 1 MiB'
    })
    return undefined
  }
  const nul = input.indexOf(0)
  if (nul >= 0) {
    problems.error(bytePosition(input, nul), '', 'the file contains NUL bytes: it looks binary, not YAML', {
      expected: 'a UTF-8 text file'
    })
    return undefined
  }
  // The native check first: the byte loop below only has to find where a file goes wrong.
  const invalid = isUtf8(input) ? -1 : firstInvalidUtf8(input)
  if (invalid >= 0) {
    problems.error(bytePosition(input, invalid), '', 'the file is not valid UTF-8', {
      expected: 'a UTF-8 text file',
      found: `byte 0x${input[invalid].toString(16).padStart(2, '0')} at offset ${invalid}`
    })
    return undefined
  }
  const text = new TextDecoder('utf-8').decode(input)
  // YAML 1.2 allows only printable characters (tab, line breaks and the printable Unicode ranges).
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const control = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/.exec(text)
  if (control) {
    problems.error(
      new LineIndex(text).range(control.index, control.index + 1),
      '',
      'the file contains a control character',
      {
        expected: 'printable text (YAML 1.2)',
        found: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
      }
    )
    return undefined
  }
  return text
}

function bytePosition(bytes: Uint8Array, offset: number): Position {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  const column = offset - lineStart + 1
  return { line, column, endLine: line, endColumn: column + 1 }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    const second = bytes[i + 1]
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
    if (second < low || second > high) return i
    for (let j = 2; j < length; j++) if ((bytes[i + j] & 0xc0) !== 0x80) return i
    i += length
  }
  return -1
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

const LIMIT_PROBLEMS: Readonly<Record<Limit, { message: string; expected: string }>> = {
  depth: {
    message: `the YAML nests deeper than ${MAX_NESTING} levels`,
    expected: `at most ${MAX_NESTING} levels of nesting (a spec needs about 7)`
  },
  tokens: {
    message: `the file holds more than ${MAX_TOKENS} YAML tokens`,
    expected: 'a mesh spec (a few hundred keys and values)'
  }
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
      if (!this.depthReported)
        this.problems.error(pos, path, `the YAML nests deeper than ${MAX_NESTING} levels`)
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
          this.problems.error(keyPos, path, 'a key must be a plain name', { expected: 'a string key' })
          continue
        }
        const key =
          typeof keyNode.value === 'string' ? keyNode.value : String(keyNode.source ?? keyNode.value)
        const childPath = path ? `${path}.${key}` : key
        if (seen.has(key)) {
          if (!inAlias) {
            this.problems.error(keyPos, childPath, `duplicate key ${JSON.stringify(key)}`, {
              expected: 'each key once per mapping'
            })
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
      this.problems.error(pos, path, 'aliases expand to too many values (an alias bomb?)', {
        expected: `aliases adding at most ${MAX_ALIAS_NODES} values in total`
      })
      this.aliasLimitReported = true
    }
    return false
  }

  private alias(name: string, pos: Position, path: string, depth: number, inAlias: boolean): SpecNode {
    // Counts the aliases written in the file; what they expand to is bounded by the alias budget.
    if (!inAlias && ++this.aliases > MAX_ALIASES) {
      if (this.aliases === MAX_ALIASES + 1) {
        this.problems.error(pos, path, `more than ${MAX_ALIASES} aliases`, {
          expected: `at most ${MAX_ALIASES} aliases`
        })
      }
      return emptyScalar(pos)
    }
    const target = this.anchors.get(name)
    if (!target) {
      this.problems.error(pos, path, `alias *${name} has no anchor &${name} before it`)
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
      this.problems.error(pos, path, 'unsupported YAML value (a tag such as !!binary?)', {
        expected: 'a string, number, boolean or null'
      })
      return emptyScalar(pos)
    }
    const written = source ?? String(value)
    if (typeof value !== 'string' || !value.includes('${')) {
      return { kind: 'scalar', value: value as ScalarNode['value'], source: written, pos }
    }
    const result = interpolate(value, this.env)
    this.envValues.push(...result.substituted)
    const raw = range ? this.text.slice(range[0], range[1]) : ''
    for (const problem of result.problems) {
      const offset = raw.indexOf(problem.reference)
      const at =
        offset >= 0 && range ? this.at(range[0] + offset, range[0] + offset + problem.reference.length) : pos
      this.problems.error(at, path, problem.message, { expected: problem.expected })
    }
    return {
      kind: 'scalar',
      value: result.value,
      source: written,
      pos,
      env: { names: result.names, whole: result.whole, failed: result.problems.length > 0 }
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
