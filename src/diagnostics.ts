/** A problem found in the spec file, with where it is (1-based line and column) and what to do. */
export interface Diagnostic {
  severity: 'error' | 'warning'
  /** Workspace-relative path of the file, as GitHub annotations want it. */
  file: string
  line: number
  column: number
  endLine?: number
  endColumn?: number
  /** Spec path such as `tracing.sampling` or `tags.env`; '' for the whole document. */
  path: string
  message: string
  expected?: string
  found?: string
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some(d => d.severity === 'error')
