/**
 * `asm-mesh plan --state-file PATH FILE`: what `apply` would do, from the spec and the record the action
 * keeps with `state: file`. Offline: the cloud is never read, so the record alone decides.
 */
import { checkFile } from './check.js'
import {
  type Change,
  type CliOnChange,
  type Env,
  type MeshRequest,
  planAgainst,
  type PlanOutcome,
  readStateDocument,
  type StateDocument,
  userError
} from './engine.js'
import { readSpecBytes, readStateText } from './files.js'
import { count, diagnosticLine, fileErrorLine, type Io, oneLine } from './output.js'

export interface PlanOptions {
  file: string
  stateFile: string
  onChange: CliOnChange
  adoptExisting: boolean
  env: Env
}

/** Longest value shown for a parameter, in characters: plans are read in a terminal. */
const MAX_VALUE = 200

/** Exit code: 0 when apply would succeed, 1 on an invalid spec, an unreadable state or a refusal. */
export function plan(options: PlanOptions, io: Io): number {
  const request = specRequest(options, io)
  if (!request) return 1
  const document = stateDocument(options.stateFile, io)
  if (document === false) return 1
  const outcome = planAgainst({
    request,
    ...(document ? { document } : {}),
    onChange: options.onChange,
    adoptExisting: options.adoptExisting
  })
  printPlan(options, outcome, document !== undefined, io)
  return outcome.decision.fails ? 1 : 0
}

function specRequest(options: PlanOptions, io: Io): MeshRequest | undefined {
  const read = readSpecBytes(options.file)
  if (!read.ok) {
    io.out(fileErrorLine(options.file, read.message))
    return undefined
  }
  // A plan compares values (secrets by fingerprint), so every variable must be set: no placeholders.
  const result = checkFile(read.value, options.file, options.env, false)
  for (const d of result.diagnostics) io.out(diagnosticLine(options.file, d))
  if (result.request) return result.request
  const errors = result.diagnostics.filter(d => d.severity === 'error').length
  io.err(`asm-mesh: ${options.file}: ${count(errors, 'error')}; nothing to plan.`)
  if (result.missingEnv > 0)
    io.err(
      `asm-mesh: set ${result.missingNames.join(', ')} as the workflow step does: a plan compares their values.`
    )
  return undefined
}

/** The recorded document; undefined when the file does not exist yet; false (reported) when unusable. */
function stateDocument(stateFile: string, io: Io): StateDocument | undefined | false {
  const read = readStateText(stateFile)
  if (!read.ok) {
    io.out(fileErrorLine(stateFile, read.message))
    return false
  }
  if (read.value === undefined) return undefined
  try {
    return readStateDocument(read.value, stateFile)
  } catch (error) {
    const problem = userError(error)
    if (!problem) throw error
    io.out(fileErrorLine(stateFile, problem.message))
    if (problem.advice) io.err(`asm-mesh: ${oneLine(problem.advice)}`)
    return false
  }
}

function printPlan(options: PlanOptions, outcome: PlanOutcome, recorded: boolean, io: Io): void {
  const key = outcome.recordedKey ?? outcome.stateKey
  io.out(
    `Plan for ${oneLine(options.file)} against ${oneLine(options.stateFile)} (state key ${oneLine(key)})`
  )
  if (!recorded) io.out('  no state file yet: no previous run recorded')
  if (outcome.recordedKey !== undefined && outcome.recordedKey !== outcome.stateKey)
    io.out(
      `  note: the spec's own key is ${oneLine(outcome.stateKey)}; a renamed mesh, or the state file of another mesh?`
    )
  if (outcome.meshId) io.out(`  recorded mesh: ${oneLine(outcome.meshId)}`)
  for (const change of outcome.changes) io.out(`  ${changeLine(change)}`)
  io.out(
    outcome.changes.length === 0
      ? `  no changes: ${count(outcome.unchanged, 'parameter')} as recorded`
      : `  ${count(outcome.changes.length, 'change')}, ${count(outcome.unchanged, 'parameter')} unchanged`
  )
  const { verb, reason, advice } = outcome.decision
  io.out(`Decision: ${verb}: ${oneLine(reason)}`)
  if (advice) io.out(`  ${oneLine(advice)}`)
}

/** `~ tracing.sampling (TraceSampling): 10 → 50`; secrets are already fingerprints in both values. */
function changeLine(change: Change): string {
  const what = `${oneLine(change.path)} (${oneLine(change.parameter)})`
  const value = (text = '') =>
    text === '' ? '(empty)' : oneLine(Array.from(text).length > MAX_VALUE ? shorten(text) : text)
  switch (change.change) {
    case 'added':
      return `+ ${what}: ${value(change.after)}`
    case 'removed':
      return `- ${what}: ${value(change.before)} (no longer in the spec)`
    case 'changed':
      return `~ ${what}: ${value(change.before)} → ${value(change.after)}`
  }
}

const shorten = (text: string): string =>
  `${Array.from(text)
    .slice(0, MAX_VALUE - 1)
    .join('')}…`
