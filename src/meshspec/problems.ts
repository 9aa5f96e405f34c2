/** Collects diagnostics for one spec file; caps their number so hostile input cannot flood the log. */
import type { Diagnostic } from '../diagnostics.js'
import type { Basis } from './basis.js'
import type { Position } from './tree.js'

export const MAX_DIAGNOSTICS = 200

export interface Detail {
  expected?: string
  found?: string
}

export class Problems {
  readonly list: Diagnostic[] = []
  readonly file: string
  private dropped = 0

  constructor(file: string) {
    this.file = file
  }

  /** A broken rule: an error or a warning as the rule's basis says (basis.ts). */
  report(rule: Basis, pos: Position, path: string, message: string, detail: Detail = {}): void {
    this.add(rule.level, pos, path, message, detail)
  }

  /** No more diagnostics will be listed: callers may skip work that only improves messages. */
  get isFull(): boolean {
    return this.list.length >= MAX_DIAGNOSTICS
  }

  /** The diagnostics in file order, plus one line saying how many were left out. */
  all(): Diagnostic[] {
    const sorted = [...this.list].sort((a, b) => a.line - b.line || a.column - b.column)
    if (this.dropped === 0) return sorted
    const summary: Diagnostic = {
      severity: 'error',
      file: this.file,
      line: 1,
      column: 1,
      path: '',
      message: `${this.dropped} more problems were found and not listed; fix the ones above first`
    }
    return [...sorted, summary]
  }

  private add(
    severity: Diagnostic['severity'],
    pos: Position,
    path: string,
    message: string,
    detail: Detail
  ) {
    if (this.list.length >= MAX_DIAGNOSTICS) {
      this.dropped++
      return
    }
    this.list.push({
      severity,
      file: this.file,
      line: pos.line,
      column: pos.column,
      endLine: pos.endLine,
      endColumn: pos.endColumn,
      path,
      message,
      ...(detail.expected === undefined ? {} : { expected: detail.expected }),
      ...(detail.found === undefined ? {} : { found: detail.found })
    })
  }
}

export const START: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 }
