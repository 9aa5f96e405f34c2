/**
 * One spec file through the action's engine, and which of its problems only come from environment
 * variables that are not set. A pre-commit hook usually runs without the workflow's secrets; with
 * `--allow-missing-env` those problems become warnings and everything else is still checked.
 */
import { checkSpec, type Diagnostic, type Env, type SpecCheck } from './engine.js'

export interface FileCheck extends SpecCheck {
  /** How many of the diagnostics are there only because a variable is not set (or is empty). */
  missingEnv: number
  /** The variables the spec references that are not set, in the order the engine looked them up. */
  missingNames: string[]
}

/** Stands in for each unset variable in the second pass; its value is never shown or checked. */
const PLACEHOLDER = 'asm-mesh-placeholder'

/**
 * Runs the engine with the real environment, and, when variables are missing, once more with them set to
 * a placeholder: the diagnostics that disappear are the ones the missing variables cause. Comparing
 * results rather than message texts keeps this right whatever the engine's messages say.
 */
export function checkFile(bytes: Uint8Array, file: string, env: Env, allowMissingEnv: boolean): FileCheck {
  const missing = new Set<string>()
  const first = checkSpec(bytes, file, recordingMissing(env, missing))
  if (missing.size === 0) return { ...first, missingEnv: 0, missingNames: [] }

  const filled: Record<string, string | undefined> = { ...env }
  for (const name of missing) filled[name] = PLACEHOLDER
  const remaining = new Set(checkSpec(bytes, file, filled).diagnostics.map(identity))
  let missingEnv = 0
  const diagnostics = first.diagnostics.map((d): Diagnostic => {
    if (remaining.has(identity(d))) return d
    missingEnv++
    return allowMissingEnv
      ? { ...d, severity: 'warning', message: `${d.message}; not checked here (--allow-missing-env)` }
      : d
  })
  // No request: a missing variable is an error to the engine, and the placeholder pass is never used.
  return { diagnostics, missingEnv, missingNames: [...missing] }
}

/** The environment as the engine sees it, noting every name it looks up that is unset or empty. */
function recordingMissing(env: Env, missing: Set<string>): Env {
  return new Proxy(env, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name)
      if (typeof name === 'string' && (value === undefined || value === '')) missing.add(name)
      return value
    }
  })
}

const identity = (d: Diagnostic): string =>
  JSON.stringify([
    d.severity,
    d.line,
    d.column,
    d.endLine,
    d.endColumn,
    d.path,
    d.message,
    d.expected,
    d.found
  ])
