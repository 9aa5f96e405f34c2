/**
 * yaml's syntax errors in words a newcomer can act on, at the line where the mistake is. yaml reports some
 * mistakes where it noticed them (a nested key on the line of the value above it, an unclosed quote at the
 * end of the file) and in parser terms ("compact mappings", "flow-seq-end token"); these are reworded. One
 * error per line: the follow-on errors of one mistake add nothing.
 */
import type { YAMLError } from 'yaml'
import type { LineIndex } from './lines.js'
import type { Problems } from './problems.js'
import { FILE_RULES } from './rulebook.js'
import type { Position } from './tree.js'

interface Said {
  /** Offset of the mistake in the text. */
  at: number
  message: string
}

interface Source {
  text: string
  /** The lines of the text, without their line breaks. */
  lines: string[]
  index: LineIndex
}

const indentOf = (line: string): number => line.length - line.trimStart().length
const isContent = (line: string): boolean => line.trim() !== '' && !line.trimStart().startsWith('#')
/** The text of a line up to a comment. */
const withoutComment = (line: string): string => line.replace(/\s#.*$/, '').trimEnd()

function offsetOfLine(source: Source, line: number): number {
  let offset = 0
  for (let i = 1; i < line; i++) offset += source.lines[i - 1].length + 1
  return offset
}

/** The last quote or bracket still open at `end`; comments and quoted text are skipped. */
function openerBefore(text: string, end: number, kind: 'quote' | 'bracket'): number | undefined {
  const brackets: number[] = []
  let quote: { char: string; at: number } | undefined
  for (let i = 0; i < end; i++) {
    const c = text[i]
    if (quote) {
      if (c === '\\' && quote.char === '"') i++
      else if (c === quote.char && quote.char === "'" && text[i + 1] === "'") i++
      else if (c === quote.char) quote = undefined
      continue
    }
    const start = i === 0 || /[\s[{,:]/.test(text[i - 1])
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const next = text.indexOf('\n', i)
      if (next < 0) break
      i = next
    } else if ((c === '"' || c === "'") && start) quote = { char: c, at: i }
    else if (c === '[' || c === '{') brackets.push(i)
    else if (c === ']' || c === '}') brackets.pop()
  }
  return kind === 'quote' ? quote?.at : brackets.at(-1)
}

/** "Nested mappings are not allowed in compact mappings": a second key on the line, or a deeper next line. */
function nestedMapping(source: Source, at: number, line: number): Said | undefined {
  const text = source.lines[line - 1]
  const key = text.slice(0, text.indexOf(':')).trim()
  const rest = withoutComment(source.text.slice(at, at + text.length)).split('\n')[0]
  if (/:(\s|$)/.test(rest)) {
    const second = rest.slice(0, rest.indexOf(':')).trim()
    return {
      at,
      message: `line ${line} has two keys: put ${second}: on its own line, indented under ${key}:, or quote the value if the colon belongs to it`
    }
  }
  for (let next = line + 1; next <= source.lines.length; next++) {
    const candidate = source.lines[next - 1]
    if (!isContent(candidate)) continue
    if (indentOf(candidate) <= indentOf(text)) return undefined
    return {
      at: offsetOfLine(source, next) + indentOf(candidate),
      message: `line ${next} is indented deeper than the key above it; line it up with ${key} on line ${line}`
    }
  }
  return undefined
}

/** "Implicit keys need to be on a single line": a missing space after a colon, or a list item among keys. */
function multilineKey(source: Source, at: number, line: number): Said {
  const text = source.lines[line - 1]
  const glued = /^(\s*)([^\s:#'"]+):(\S.*)$/.exec(withoutComment(text))
  if (glued && !glued[3].includes(': ')) {
    return {
      at: offsetOfLine(source, line) + glued[1].length,
      message: `line ${line} needs a space after the colon: write ${glued[2]}: ${glued[3]}`
    }
  }
  if (source.text.startsWith('- ', at))
    return { at, message: `line ${line} is a list item among the keys of a mapping; indent it under a key` }
  return {
    at,
    message: `line ${line} runs on to the next line: a key ends on its own line with a colon and a space`
  }
}

function unclosed(
  source: Source,
  issue: YAMLError,
  kind: 'quote' | 'bracket',
  what: string
): Said | undefined {
  const opener = openerBefore(source.text, issue.pos[0], kind)
  if (opener === undefined) return undefined
  const line = source.index.range(opener).line
  if (line === source.index.range(issue.pos[0]).line) {
    const at = issue.pos[0]
    return {
      at,
      message: `the ${source.text[opener]} on line ${line} is not closed properly: check the brackets and commas after it`
    }
  }
  return { at: opener, message: `the ${source.text[opener]} on line ${line} is never closed${what}` }
}

/** The reworded message of one yaml error, or undefined to keep yaml's own. */
function reword(source: Source, issue: YAMLError, line: number): Said | undefined {
  const at = issue.pos[0]
  const first = issue.message.split('\n')[0]
  if (/[[{,].*\$\{/.test(source.lines[line - 1] ?? '')) {
    return { at, message: "${NAME} inside [ ] or { } needs quotes: write {key: '${NAME}'}" }
  }
  switch (issue.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return nestedMapping(source, at, line)
    case 'MULTILINE_IMPLICIT_KEY':
      return multilineKey(source, at, line)
    case 'BAD_INDENT':
      if (first.startsWith('Flow '))
        return unclosed(source, issue, 'bracket', ': close it on its line, or indent the lines inside it')
      return {
        at,
        message: `line ${line} is not lined up with the keys above it: the keys of one mapping start at the same column`
      }
    case 'MISSING_CHAR':
      if (first.includes('quote')) return unclosed(source, issue, 'quote', '')
      return { at, message: `line ${line} has a key without a colon: write key: value` }
    case 'BAD_SCALAR_START': {
      const value = withoutComment(source.text.slice(at).split('\n')[0])
      return {
        at,
        message: `a value cannot start with ${value[0]} unless it is quoted: write '${value.replace(/'/g, "''")}'`
      }
    }
    case 'UNEXPECTED_TOKEN': {
      const closer = /token in YAML stream: "([\]}])"/.exec(first)?.[1]
      if (!closer) return undefined
      return {
        at,
        message: `the ${closer} on line ${line} closes nothing: remove it, or add the ${closer === ']' ? '[' : '{'} it belongs to`
      }
    }
    case 'BAD_ALIAS':
      return {
        at,
        message: `line ${line} starts a key with *, which YAML reads as an alias: quote the key, e.g. '*name': value`
      }
    case 'TAG_RESOLVE_FAILED':
      return { at, message: 'tags such as !secret are not supported: write plain YAML values' }
    case 'TAB_AS_INDENT':
      return { at, message: `line ${line} is indented with a tab: YAML allows only spaces there` }
    case 'BAD_DQ_ESCAPE': {
      const escape = /sequence (\S+)/.exec(first)?.[1] ?? 'this'
      return {
        at,
        message: `${escape} is not an escape in a double-quoted string: use single quotes, or double the backslash`
      }
    }
  }
  return undefined
}

export function reportYamlIssues(
  issues: readonly YAMLError[],
  text: string,
  index: LineIndex,
  problems: Problems
): void {
  const source: Source = { text, lines: text.split('\n').map(l => l.replace(/\r$/, '')), index }
  const read = issues.map(issue => {
    const at: Position = index.range(issue.pos[0], issue.pos[1])
    return { issue, at, said: reword(source, issue, at.line) }
  })
  // Reworded errors first: where yaml reports several errors on a line, the one in plain words stays.
  const ordered = [...read.filter(r => r.said), ...read.filter(r => !r.said)]
  const lines = new Set<number>()
  for (const { issue, at, said } of ordered) {
    const pos = said ? index.range(said.at, said.at + 1) : at
    if (lines.has(pos.line) || lines.has(at.line)) continue
    lines.add(pos.line).add(at.line)
    problems.report(FILE_RULES.syntax, pos, '', said?.message ?? `YAML: ${issue.message.split('\n')[0]}`)
  }
}
