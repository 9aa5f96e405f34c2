/**
 * Spec diagnostics → GitHub annotations (`::error file=…,line=…,col=…::`) and plain log lines.
 *
 * The runner attaches at most 10 annotations of each type per step; the rest still appear in the log but
 * not as annotations. We emit every diagnostic anyway (the cut is the runner's), and the job summary lists
 * all of them (report/summary.ts), so nothing is lost when a spec has more than 10 problems.
 */
import type { Diagnostic } from '../diagnostics.js'
import { shorten } from './markdown.js'

/** The subset of @actions/core's AnnotationProperties we send (same names and meaning). */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/** Shape-compatible with @actions/core, so main passes `core` itself. */
export interface AnnotationSink {
  error(message: string, properties: AnnotationProperties): void
  warning(message: string, properties: AnnotationProperties): void
}

const TITLES: Record<Diagnostic['severity'], string> = {
  error: 'Invalid mesh spec',
  warning: 'Mesh spec warning'
}

export function annotate(diagnostics: readonly Diagnostic[], sink: AnnotationSink): void {
  for (const d of diagnostics) sink[d.severity](describeDiagnostic(d), annotationProperties(d))
}

function annotationProperties(d: Diagnostic): AnnotationProperties {
  const props: AnnotationProperties = { title: TITLES[d.severity], file: d.file, startLine: d.line }
  const multiLine = d.endLine !== undefined && d.endLine !== d.line
  if (d.endLine !== undefined) props.endLine = d.endLine
  // GitHub refuses columns on an annotation that spans several lines.
  if (!multiLine) {
    props.startColumn = d.column
    if (d.endColumn !== undefined) props.endColumn = d.endColumn
  }
  return props
}

/**
 * What is wrong and where in the spec, in words: `tracing.sampling: must be at most 100 (expected an
 * integer 0–100, found 150)`. Bounded, because `found` can be a long value from the file.
 */
export function describeDiagnostic(d: Diagnostic): string {
  const facts = [
    d.expected === undefined ? '' : `expected ${shorten(d.expected, 200)}`,
    d.found === undefined ? '' : `found ${shorten(d.found, 200)}`
  ].filter(Boolean)
  // Validator messages often start with the path already; say it once.
  const where = d.path && !d.message.startsWith(d.path) ? `${d.path}: ` : ''
  return `${where}${shorten(d.message, 1000)}${facts.length ? ` (${facts.join(', ')})` : ''}`
}

/** One plain log line: `mesh.yaml:12:5 error tracing.sampling: …`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${describeDiagnostic(d)}`
}
