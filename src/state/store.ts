/** CONTRACT: where state documents live. Implementations: file-store.ts, github-store.ts. */
import type { StateDocument } from './record.js'

export interface StateRead {
  document?: StateDocument
  /** Opaque version for compare-and-swap (blob sha, file hash); undefined when nothing exists yet. */
  revision?: string
}

export interface StateWrite {
  revision: string
  /** Link to the commit (github) or the file path, for the summary. */
  location: string
}

export class StateConflictError extends Error {
  constructor(message = 'the state record changed since it was read') {
    super(message)
    this.name = 'StateConflictError'
  }
}

export interface StateStore {
  /** Human description, e.g. `branch asm-state, file cn-hangzhou/prod.json`. */
  readonly description: string
  /** A corrupt or unreadable record throws a clear ActionError; never "nothing there". */
  read(): Promise<StateRead>
  /**
   * The records of the other state keys in the same folder (with the default key: the same region), at
   * most MAX_SIBLINGS; a file that is not a state record is skipped. For telling a rename (run.ts).
   */
  siblings(): Promise<StateDocument[]>
  /** Compare-and-swap: throws StateConflictError when `expected` is not the current revision. */
  write(document: StateDocument, expected: string | undefined, message: string): Promise<StateWrite>
}

/** Other records read when looking for a rename: a region rarely holds more meshes of one repository. */
export const MAX_SIBLINGS = 20
