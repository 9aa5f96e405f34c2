/**
 * What one run of the action shows, folded into a few console lines so a screen holds many runs: the
 * Actions log with each group on one line, a markdown report (job summary, plan comment) as its headline
 * and a count of its table rows, and the diff, drift and other outputs.
 */
import type { Drift } from '../../src/live.js'
import { count } from '../../src/report/markdown.js'
import type { Change } from '../../src/state/record.js'

/**
 * The log as GitHub shows it (see maskedLog), one line per message: `##[warning]x` reads `warning: x`, a
 * group reads `title: its last line`; lines matching `skip` are left out.
 */
export function foldLog(lines: string[], skip?: RegExp): string[] {
  const folded: string[] = []
  let group: { title: string; last?: string } | undefined
  const closeGroup = () => {
    if (group) folded.push(group.last === undefined ? group.title : `${group.title}: ${group.last}`)
    group = undefined
  }
  for (const line of lines) {
    if (skip?.test(line)) continue
    const [, command, rest] = /^##\[(\w+)\](.*)$/.exec(line) ?? []
    if (command === 'group') {
      closeGroup()
      group = { title: rest }
    } else if (command === 'endgroup') closeGroup()
    else {
      const text = command === undefined ? line : `${command}: ${rest}`
      if (group) group.last = text
      else folded.push(text)
    }
  }
  closeGroup()
  return folded
}

/** The report's bold headline as plain text, then how many tables and rows were folded away. */
export function foldMarkdown(markdown: string): string {
  const lines = markdown.split('\n')
  const headline = lines.find(line => /^\*\*.+\*\*$/.test(line))?.slice(2, -2) ?? lines[0] ?? ''
  const tables: number[] = []
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) return
    // A table's first line is its header and the next its rule: the rest are rows.
    if (!lines[i - 1]?.startsWith('|')) tables.push(-2)
    tables[tables.length - 1] += 1
  })
  const plain = headline.replace(/`/g, '').replace(/\\(.)/g, '$1')
  if (tables.length === 0) return plain
  const rowCount = tables.reduce((sum, n) => sum + Math.max(0, n), 0)
  const rows = count(rowCount, 'row')
  const shape = tables.length === 1 ? `1 table of ${rows}` : `${count(tables.length, 'table')}, ${rows}`
  return `${plain} (${shape}, folded)`
}

/** The action's `diff` output (JSON), one line per change: `tags.env (Tag) added → dev`. */
export function foldDiff(diff: string | undefined): string[] {
  const changes = JSON.parse(diff || '[]') as Change[]
  return changes.map(c =>
    [c.path, `(${c.parameter})`, c.change, c.before, '→', c.after].filter(x => x !== undefined).join(' ')
  )
}

/** The action's `drift` output (JSON), one line per parameter: `tracing.sampling (TraceSampling) recorded 50, live 10`. */
export function foldDrift(drift: string | undefined): string[] {
  const entries = JSON.parse(drift || '[]') as Drift[]
  return entries.map(d => `${d.path} (${d.parameter}) recorded ${d.recorded ?? '—'}, live ${d.live ?? '—'}`)
}

/** The named outputs that are set, as `name=value` on one line. */
export function foldOutputs(outputs: Record<string, string>, names: string[]): string {
  return names.flatMap(name => (outputs[name] ? `${name}=${outputs[name]}` : [])).join(' ')
}
