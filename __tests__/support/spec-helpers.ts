/** Evaluate spec text in memory, and find diagnostics by spec path. */
import type { Diagnostic } from '../../src/diagnostics.js'
import { evaluateSpec, type SpecResult } from '../../src/meshspec/index.js'

export const FILE = 'mesh.yaml'

export const evaluate = (text: string | Uint8Array, env: Record<string, string> = {}): SpecResult =>
  evaluateSpec(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, { file: FILE, env })

/** The required part of every spec; 4 lines, so extra lines appended start at line 5. */
export const BASE = `version: 1
name: m
region: cn-hangzhou
network: {vpcId: vpc-a, vSwitches: [vsw-a]}
`

export const errors = (result: SpecResult): Diagnostic[] =>
  result.diagnostics.filter(d => d.severity === 'error')
export const warnings = (result: SpecResult): Diagnostic[] =>
  result.diagnostics.filter(d => d.severity === 'warning')

/** Line, column and spec path of each error, for compact assertions. */
export const where = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.map(d => `${d.line}:${d.column} ${d.path}`)
