/**
 * What one run found, decided and did: the one value a run returns (run.ts). The step outputs, the job
 * summary, the PR comment and the step's failure are all computed from it (outputs.ts, report/, publish.ts),
 * so no result is ever copied into two places by hand.
 */
import type { Decision } from './decide.js'
import type { Diagnostic } from './diagnostics.js'
import { ActionError } from './errors.js'
import type { Drift, NotCompared } from './live.js'
import type { Mode, RunContext } from './settings.js'
import type { Change } from './state/record.js'

/** Why a run failed, and what stopped it. */
export interface Failure {
  /**
   * `inputs`: the action inputs or the credential choice; `spec`: the spec file or its contents; `decision`:
   * the decision was to refuse (its reason and advice); `run`: anything later the user can act on; `bug`: an
   * error this action did not expect.
   */
  kind: 'inputs' | 'spec' | 'decision' | 'run' | 'bug'
  message: string
  advice?: string
  /** Bugs only, for the debug log. */
  stack?: string
}

export interface Outcome {
  readonly mode: Mode
  /** The workflow run, for links. */
  readonly runUrl?: string
  /** Workspace-relative path of the spec, once it was read. */
  readonly specFile?: string
  /** Some spec value came from the environment (`${NAME}`). */
  readonly usesEnvironment?: boolean
  readonly stateKey?: string
  readonly diagnostics: readonly Diagnostic[]
  /** The spec against the recorded run; undefined until the state record was read. */
  readonly changes?: readonly Change[]
  /** How each change (by spec path) would be or was made: `in place (UpdateMeshFeature)`, `needs a new mesh`, ... */
  readonly labels?: Readonly<Record<string, string>>
  /** false: nothing was read from the cloud (plan without credentials, or the run stopped before). */
  readonly cloudRead: boolean
  readonly decision?: Decision
  /** The mesh the run is about: created, adopted or recorded, with the last state seen. */
  readonly mesh?: { readonly id: string; readonly state?: string }
  /** RequestId of CreateServiceMesh, when this run sent one that answered. */
  readonly requestId?: string
  readonly created: boolean
  /** The live mesh against its record (docs/contract.md §7.2); undefined when it was not read. */
  readonly drift?: readonly Drift[]
  /** Recorded parameters the live read could not compare. */
  readonly notCompared?: readonly NotCompared[]
  /** This run changed the mesh in place. */
  readonly updated: boolean
  /** The update calls this run sent that answered, in order. */
  readonly updates?: readonly { readonly api: string; readonly requestId: string }[]
  /**
   * Set when this run deleted the mesh (docs/contract.md §7.3); `mesh` is then the deleted one. `at`: when
   * it was seen gone, or with wait: false (`waited` false) when DeleteServiceMesh was accepted.
   */
  readonly deletion?: { readonly at: string; readonly waited: boolean }
  /** Link to the state commit, or the state file's path, when this run wrote the record. */
  readonly stateLocation?: string
  readonly failure?: Failure
}

/** The outcome of a run that has done nothing yet. */
export function startOutcome(mode: Mode, run?: RunContext): Outcome {
  const url = run && runUrl(run)
  return {
    mode,
    ...(url && { runUrl: url }),
    diagnostics: [],
    cloudRead: false,
    created: false,
    updated: false
  }
}

function runUrl({ serverUrl, repository, runId, runAttempt }: RunContext): string | undefined {
  if (!repository || !runId) return undefined
  return `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt ? `/attempts/${runAttempt}` : ''}`
}

/** An error as a Failure: an ActionError (or an input problem) as the user's to act on, anything else as a bug. */
export function failureOf(error: unknown, kind: Exclude<Failure['kind'], 'bug' | 'decision'>): Failure {
  if (error instanceof ActionError)
    return { kind, message: error.message, ...(error.advice ? { advice: error.advice } : {}) }
  if (error instanceof Error && error.name === 'SettingsError')
    return { kind: 'inputs', message: error.message }
  return {
    kind: 'bug',
    message: `Unexpected error (please report it): ${error instanceof Error ? error.message : String(error)}`,
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {})
  }
}
