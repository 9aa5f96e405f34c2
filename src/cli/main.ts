/** The command line: which command, its options and files; a usage error exits 2 before any file is read. */
import { parseArgs } from 'node:util'
import { DEFAULT_ON_CHANGE, type CliOnChange, type Env, ON_CHANGE } from './engine.js'
import { type Io, oneLine } from './output.js'
import { plan } from './plan.js'
import { validate } from './validate.js'

export const HELP = `Usage:
  asm-mesh validate [--allow-missing-env] FILE...
  asm-mesh plan --state-file PATH [--on-change ${ON_CHANGE.join('|')}] [--adopt-existing true|false] FILE
  asm-mesh --help | --version

Checks mesh specs offline with the engine of the asm-service-mesh-action GitHub Action.
No network, no credentials. \${NAME} in a spec is read from the environment, as in the action.

validate   Parse and validate each FILE. Problems are printed as file:line:col: error|warning: message.
           --allow-missing-env  an unset variable is a warning, not an error (for hooks without secrets)
plan       Show what apply would do, against the state file the action writes with state: file
           (create, keep, or the changed parameters as before -> after; secrets only as fingerprints).
           --on-change, --adopt-existing  as the action inputs of the same names (defaults: ${DEFAULT_ON_CHANGE}, true)

Exit status: 0 no errors (warnings allowed); 1 errors, or apply would fail; 2 usage error.`

class UsageError extends Error {}

export interface Context {
  env: Env
  version: string
}

/** Runs one command line; returns the exit code. */
export function main(argv: string[], context: Context, io: Io): number {
  try {
    return dispatch(argv, context, io)
  } catch (error) {
    if (!(error instanceof UsageError) && !isParseArgsError(error)) throw error
    io.err(`asm-mesh: ${oneLine((error as Error).message)}`)
    io.err('Run asm-mesh --help for the usage.')
    return 2
  }
}

function dispatch(argv: string[], context: Context, io: Io): number {
  const [command, ...rest] = argv
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv
  if (options.includes('--help') || options.includes('-h')) {
    io.out(HELP)
    return 0
  }
  if (command === '--version' || command === '-v') {
    io.out(context.version)
    return 0
  }
  if (command === 'validate') return runValidate(rest, context, io)
  if (command === 'plan') return runPlan(rest, context, io)
  throw new UsageError(
    command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`
  )
}

function runValidate(args: string[], context: Context, io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { 'allow-missing-env': { type: 'boolean' } },
    allowPositionals: true,
    strict: true
  })
  if (positionals.length === 0) throw new UsageError('validate needs at least one spec FILE')
  return validate(
    { files: positionals, allowMissingEnv: values['allow-missing-env'] === true, env: context.env },
    io
  )
}

function runPlan(args: string[], context: Context, io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'state-file': { type: 'string' },
      'on-change': { type: 'string' },
      'adopt-existing': { type: 'string' }
    },
    allowPositionals: true,
    strict: true
  })
  const stateFile = values['state-file']
  if (stateFile === undefined || stateFile === '') throw new UsageError('plan needs --state-file PATH')
  if (positionals.length !== 1)
    throw new UsageError(`plan takes exactly one spec FILE (got ${positionals.length})`)
  return plan(
    {
      file: positionals[0],
      stateFile,
      onChange: onChange(values['on-change']),
      adoptExisting: booleanOption('adopt-existing', values['adopt-existing'], true),
      env: context.env
    },
    io
  )
}

function onChange(value: string | undefined): CliOnChange {
  if (value === undefined) return DEFAULT_ON_CHANGE
  const allowed: readonly string[] = ON_CHANGE
  if (!allowed.includes(value))
    throw new UsageError(`--on-change must be one of ${ON_CHANGE.join(', ')} (got ${JSON.stringify(value)})`)
  return value as CliOnChange
}

/** The action's boolean inputs: the YAML 1.2 core spellings, as core.getBooleanInput reads them. */
function booleanOption(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new UsageError(`--${name} must be true or false (got ${JSON.stringify(value)})`)
}

/** node:util parseArgs refusing the arguments (unknown option, missing value, ...): a usage error. */
const isParseArgsError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}
