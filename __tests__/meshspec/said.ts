/** Diagnostics as one line each, exactly as the validator words them, for assertions on the whole text. */
import type { SpecResult } from '../../src/meshspec/index.js'
import { BASE, evaluate } from '../support/spec-helpers.js'

export const said = (result: SpecResult): string[] =>
  result.diagnostics.map(d =>
    [
      `${d.line}:${d.column} ${d.severity}: ${d.message}`,
      ...(d.found === undefined ? [] : [`found ${d.found}`]),
      ...(d.expected === undefined ? [] : [`expected ${d.expected}`])
    ].join(' | ')
  )

/** BASE (4 lines) plus `extra`, whose first line is line 5. */
export const check = (extra: string, env: Record<string, string> = {}): SpecResult =>
  evaluate(BASE + extra, env)
