/**
 * The spec engine: a spec file in the workspace → diagnostics, values to mask, and (only when there is no
 * error) the exact CreateServiceMesh request. Pure and local: no network.
 */
import { type Diagnostic, hasErrors } from '../diagnostics.js'
import { readSpecFile } from '../workspace.js'
import type { Env } from './interpolate.js'
import { parseSpec } from './parse.js'
import { buildRequest, type MeshRequest } from './request.js'
import { checkSafety } from './safety.js'
import { environmentPaths, secretsToMask } from './secrets.js'
import { validateSpec } from './validate.js'

export type { Env } from './interpolate.js'
export type { MeshRequest, WireParameter } from './request.js'

export interface SpecResult {
  /** Workspace-relative path of the spec, `/`-separated. */
  file: string
  /** Errors and warnings, in file order of discovery; all of them, not just the first. */
  diagnostics: Diagnostic[]
  /** Values to mask before anything is printed: environment values and secret fields, in every form. */
  secrets: string[]
  /** Only when there is no error. */
  request?: MeshRequest
}

export interface LoadSpecOptions {
  /** GITHUB_WORKSPACE */
  workspace: string
  /** The `spec` input, relative to the workspace. */
  specPath: string
  /** Environment for `${NAME}` (usually process.env). */
  env: Env
}

/**
 * Reads and checks the spec. Rejects with an ActionError when the file cannot be read (outside the
 * workspace, missing, a directory); problems with what it holds, its size included, come back as diagnostics.
 */
export async function loadSpec(options: LoadSpecOptions): Promise<SpecResult> {
  const { relative, bytes } = readSpecFile(options.workspace, options.specPath)
  return evaluateSpec(bytes, { file: relative, env: options.env })
}

/** The same for bytes already in memory (tests, benchmarks, fuzzing). Never throws on bad content. */
export function evaluateSpec(bytes: Uint8Array, options: { file: string; env: Env }): SpecResult {
  const parsed = parseSpec(bytes, options)
  if (parsed.root) checkSafety(parsed.root, parsed.problems)
  const validated = parsed.root ? validateSpec(parsed.root, parsed.problems) : undefined
  const diagnostics = parsed.problems.all()
  const result: SpecResult = {
    file: options.file,
    diagnostics,
    secrets: secretsToMask(parsed.envValues, validated?.secretTexts ?? [])
  }
  if (validated && !hasErrors(diagnostics))
    result.request = buildRequest(validated.values, environmentPaths(parsed.root))
  return result
}
