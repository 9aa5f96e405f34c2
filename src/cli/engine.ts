/**
 * The one door from the CLI into the action's code: the spec engine, the state document, the diff and the
 * decision table, exactly as the action runs them. Every other file in src/cli imports only from here, so
 * when those modules move or change shape, this file is the one to adjust.
 */
import { decide, type Decision } from '../decide.js'
import { type Diagnostic, hasErrors } from '../diagnostics.js'
import { ActionError } from '../errors.js'
import { evaluateSpec, type Env, type MeshRequest } from '../meshspec/index.js'
import { describeDiagnostic } from '../report/annotations.js'
import type { OnChange } from '../settings.js'
import { diffParameters } from '../state/diff.js'
import { parseStateDocument } from '../state/document.js'
import { defaultStateKey } from '../state/key.js'
import type { Change, StateDocument } from '../state/record.js'
import { readBoundedFile } from '../workspace.js'
import { planFromRecord, tagsManaged } from '../update-plan.js'

export type { Change, Diagnostic, Env, MeshRequest, StateDocument }
export { describeDiagnostic, hasErrors, readBoundedFile }

export interface SpecCheck {
  diagnostics: Diagnostic[]
  /** Only when the spec has no error. */
  request?: MeshRequest
}

/** The action's spec engine on bytes already read; `file` is how diagnostics name the file. */
export function checkSpec(bytes: Uint8Array, file: string, env: Env): SpecCheck {
  const { diagnostics, request } = evaluateSpec(bytes, { file, env })
  return request ? { diagnostics, request } : { diagnostics }
}

/** The `on-change` values and default of action.yml; the type check fails here when the action's set changes. */
export const ON_CHANGE = ['update', 'fail', 'warn', 'create'] as const satisfies readonly OnChange[]
export const DEFAULT_ON_CHANGE: OnChange = 'update'
type Exhaustive<T extends (typeof ON_CHANGE)[number]> = T
export type CliOnChange = Exhaustive<OnChange>

/** A state file's text → the document, as the action's file store reads it; throws what userError() describes. */
export function readStateDocument(text: string, description: string): StateDocument {
  return parseStateDocument(text, {
    description: `file ${description}`,
    reset: `Check that --state-file names the file the action writes (state: file), or restore it from an earlier copy.`
  })
}

export interface PlanInput {
  request: MeshRequest
  /** Undefined when there is no state file yet. */
  document?: StateDocument
  onChange: CliOnChange
  adoptExisting: boolean
}

/** What `apply` would do, said for a terminal: verb, why, and what to do when it would fail. */
export interface PlanDecision {
  verb: string
  reason: string
  advice?: string
  /** apply would stop with exit 1 (the action's plan mode exits 1 too). */
  fails: boolean
}

export interface PlanOutcome {
  /** `<region>/<name>` of the spec, the action's default state key. */
  stateKey: string
  /** The state key the document records, when there is one. */
  recordedKey?: string
  meshId?: string
  changes: Change[]
  unchanged: number
  decision: PlanDecision
}

/** The action's plan without credentials: the record alone decides; nothing is read from the cloud. */
export function planAgainst(input: PlanInput): PlanOutcome {
  const { request, document } = input
  const record = document?.current
  const changes = diffParameters(record?.parameters, request.parameters)
  const decision = decide({
    record,
    changed: changes.length > 0,
    adoptExisting: input.adoptExisting,
    onChange: input.onChange,
    specHasTags: tagsManaged(request),
    ...(record && { update: planFromRecord(record.parameters, [], request, record.meshId) })
  })
  return {
    stateKey: defaultStateKey(request.region, request.name),
    ...(document ? { recordedKey: document.stateKey } : {}),
    ...(record ? { meshId: record.meshId } : {}),
    changes,
    unchanged: request.parameters.length - changes.filter(c => c.change !== 'removed').length,
    decision: offlineDecision(decision, request)
  }
}

function offlineDecision(decision: Decision, request: MeshRequest): PlanDecision {
  switch (decision.action) {
    case 'unknown':
      // Offline the cloud is never read: say what apply does in the usual case, and what it checks first.
      return decision.meshId
        ? {
            verb: 'keep',
            reason: `mesh ${decision.meshId}: ${decision.reason} (apply first checks that it still exists; not checked offline)`,
            fails: false
          }
        : {
            verb: 'create or adopt',
            reason:
              `no previous run recorded; apply first looks for a mesh named ${request.name} in ` +
              `${request.region} and adopts it if there is exactly one (adopt-existing; not checked offline)`,
            fails: false
          }
    case 'fail':
      return { verb: 'fail', reason: decision.reason, advice: decision.advice, fails: true }
    case 'warn':
      return {
        verb: 'keep',
        reason: `${decision.reason}: the diff is reported, nothing changes`,
        fails: false
      }
    default:
      return { verb: decision.action, reason: decision.reason, fails: false }
  }
}

/** A problem the user can act on (unreadable state, ...), as message and advice; undefined for a bug. */
export function userError(error: unknown): { message: string; advice?: string } | undefined {
  if (!(error instanceof ActionError)) return undefined
  return error.advice ? { message: error.message, advice: error.advice } : { message: error.message }
}
