/** CONTRACT: the state record kept per state key (docs/contract.md §5). Safe to store: no secrets. */

export interface RecordedParameter {
  path: string
  parameter: string
  /** WireParameter.comparable: secrets only as fingerprints. */
  value: string
}

export interface StateRecord extends WrittenBy {
  meshId: string
  /** RequestId of CreateServiceMesh; '' when the mesh was adopted. */
  requestId: string
  origin: 'created' | 'adopted'
  name: string
  region: string
  parameters: RecordedParameter[]
  /** Workspace-relative path of the spec the record was made from (absent in records of older versions). */
  specFile?: string
}

/** Which run wrote a record or a tombstone, and when. */
export interface WrittenBy {
  commitSha: string
  runId: string
  runAttempt: string
  actor: string
  repository: string
  /** ISO 8601 UTC */
  time: string
}

/**
 * The lock of a state key: a create (or, with `operation: delete`, a destroy) in progress, taken by
 * compare-and-swap before CreateServiceMesh (DeleteServiceMesh) so two runs never act on one key at once.
 */
export interface PendingCreate {
  runId: string
  runAttempt: string
  actor: string
  since: string
  name: string
  region: string
  /**
   * Random per process: tells this process's own entry from another's, even one of the same run and
   * attempt (matrix jobs share both), after a write that GitHub applied but answered with an error.
   * Absent in entries written by earlier versions.
   */
  lockId?: string
  /**
   * Ids of the meshes with this name and region that existed before the create was sent: none of them is
   * ever taken for the mesh this create made. Absent in entries written by earlier versions.
   */
  existing?: string[]
  /**
   * `unknown`: CreateServiceMesh was sent and it is not known whether it took effect (or its record
   * could not be written). The next run does not wait for this entry; it looks for the mesh first.
   * For a destroy: the run ended before it knew the mesh gone; the next destroy finishes it.
   */
  outcome?: 'unknown'
  /** Set when the lock is a destroy's (src/destroy.ts): the recorded mesh is being deleted. */
  operation?: 'delete'
  /** The mesh a destroy deletes. */
  meshId?: string
}

/** What `mode: destroy` leaves under the state key (docs/contract.md §5, §7.3): the next apply starts afresh. */
export interface Tombstone extends WrittenBy {
  meshId: string
  name: string
  region: string
  /** RequestId of DeleteServiceMesh; '' when the mesh was found already gone. */
  requestId: string
  /** `deleted`: gone (or, with wait: false, its deletion accepted); `gone`: it was gone before this run. */
  outcome: 'deleted' | 'gone'
}

export interface StateDocument {
  schemaVersion: 1
  stateKey: string
  current?: StateRecord
  pending?: PendingCreate
  /** Only without `current`: the last recorded mesh was destroyed; its record heads the history. */
  tombstone?: Tombstone
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
