/** CONTRACT: the state record kept per state key (docs/contract.md §5). Safe to store: no secrets. */

export interface RecordedParameter {
  path: string
  parameter: string
  /** WireParameter.comparable: secrets only as fingerprints. */
  value: string
}

export interface StateRecord {
  meshId: string
  /** RequestId of CreateServiceMesh; '' when the mesh was adopted. */
  requestId: string
  origin: 'created' | 'adopted'
  name: string
  region: string
  parameters: RecordedParameter[]
  commitSha: string
  runId: string
  runAttempt: string
  actor: string
  repository: string
  /** ISO 8601 UTC */
  time: string
  /** Workspace-relative path of the spec the record was made from (absent in records of older versions). */
  specFile?: string
}

/** A create in progress: taken (compare-and-swap) before CreateServiceMesh so two runs never both create. */
export interface PendingCreate {
  runId: string
  runAttempt: string
  actor: string
  since: string
  name: string
  region: string
  /**
   * `unknown`: CreateServiceMesh was sent and it is not known whether it took effect (or its record
   * could not be written). The next run does not wait for this entry; it looks for the mesh first.
   */
  outcome?: 'unknown'
}

export interface StateDocument {
  schemaVersion: 1
  stateKey: string
  current?: StateRecord
  pending?: PendingCreate
  /** Older records, newest first. */
  history: StateRecord[]
}

/** One line of a plan: a parameter added, removed or changed since the recorded run. */
export interface Change {
  path: string
  parameter: string
  change: 'added' | 'removed' | 'changed'
  /** Comparable values (fingerprints for secrets); `before` is absent when added, `after` when removed. */
  before?: string
  after?: string
}
