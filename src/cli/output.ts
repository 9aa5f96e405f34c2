/** Lines for a terminal, an editor or a pre-commit log: one finding per line, nothing that can break one. */
import { describeDiagnostic, type Diagnostic } from './engine.js'

/** Where the CLI writes; tests and the entry point pass their own. */
export interface Io {
  out(line: string): void
  err(line: string): void
}

/**
 * The text on one line: line breaks, tabs and other control characters shown as escapes, so a value from
 * a file can neither split a diagnostic nor start a line of its own (a CI log reads `::` at a line's start
 * as a workflow command).
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, c => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

/** `file:line:col: error: message`, the "unix" format of gcc and ESLint that editors and pre-commit read. */
export function diagnosticLine(file: string, d: Diagnostic): string {
  return `${oneLine(file)}:${d.line}:${d.column}: ${d.severity}: ${oneLine(describeDiagnostic(d))}`
}

/** A problem with the whole file (it cannot be read): `file: error: message`, no position. */
export function fileErrorLine(file: string, message: string): string {
  return `${oneLine(file)}: error: ${oneLine(message)}`
}

/** `1 error`, `2 warnings`. */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`
