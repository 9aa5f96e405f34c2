import * as core from '@actions/core'

export type OutputName = 'service-mesh-id' | 'request-id' | 'created' | 'changed' | 'diff' | 'mesh-state'

/**
 * Step outputs, written as soon as they are known and again when they change, so that a cancelled or
 * timed-out run still hands the mesh id on. Never masked: the runner drops masked job outputs.
 */
export class Outputs {
  private readonly values = new Map<OutputName, string>()
  private readonly written = new Map<OutputName, string>()

  set(name: OutputName, value: string): void {
    this.values.set(name, value)
  }

  /** Writes what changed since the last flush (a later write of a name wins on the runner). */
  flush(): void {
    for (const [name, value] of this.values) {
      if (this.written.get(name) === value) continue
      core.setOutput(name, value)
      this.written.set(name, value)
    }
  }
}
