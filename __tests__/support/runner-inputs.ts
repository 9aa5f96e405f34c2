/**
 * action.yml inputs → INPUT_* variables, the way actions/runner exports them (docs/reference/runner-contract.md §1.1):
 * every declared input gets its `with:` value, else its evaluated `default:`, else ''. Undeclared
 * `with:` keys are exported too (the runner only warns about them).
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

export interface DeclaredInput {
  name: string
  required: boolean
  /** The raw `default:` text, still holding any `${{ }}` expressions. */
  default?: string
}

export type WithValues = Record<string, string | number | boolean>

/** `INPUT_` + name with spaces → `_`, upper-cased; hyphens, dots and underscores stay. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Reads the declared inputs. The failsafe schema keeps every scalar as its literal text, as the runner does. */
export function readDeclaredInputs(actionYmlPath: string): DeclaredInput[] {
  const doc = parse(readFileSync(actionYmlPath, 'utf8'), { schema: 'failsafe' }) as {
    inputs?: Record<string, { required?: string; default?: string } | null>
  }
  return Object.entries(doc.inputs ?? {}).map(([name, spec]) => ({
    name,
    required: spec?.required === 'true',
    default: spec?.default
  }))
}

/**
 * Evaluates the `${{ github.<key> }}` expressions an input default may hold. Other contexts are
 * allowed by the runner (strategy, matrix, job, runner, hashFiles) but nothing here needs them, so
 * they are refused loudly rather than guessed.
 */
export function evaluateDefault(input: string, template: string, github: Record<string, string>): string {
  return template.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    const key = /^github\.([A-Za-z_][\w-]*)$/.exec(expression)?.[1]
    if (key === undefined || !(key in github)) {
      throw new Error(
        `action.yml input "${input}": the harness cannot evaluate the default expression \${{ ${expression} }}; ` +
          `it supports github.<key> for ${Object.keys(github).join(', ')}`
      )
    }
    return github[key]
  })
}

export function inputEnvironment(
  declared: readonly DeclaredInput[],
  withValues: WithValues,
  github: Record<string, string>
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const input of declared) {
    if (input.name in withValues) continue
    env[inputEnvName(input.name)] =
      input.default === undefined ? '' : evaluateDefault(input.name, input.default, github)
  }
  for (const [name, value] of Object.entries(withValues)) env[inputEnvName(name)] = String(value)
  return env
}
