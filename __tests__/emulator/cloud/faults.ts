/**
 * Faults injected on demand. They apply in the order injected: each request takes the first pending
 * fault whose action matches (undefined = any action), and a fault is spent after `times` requests
 * (default 1). afterProcessing: the request takes effect first, then the fault hits its answer ("applied but
 * answered 5xx"). createThenFail is not a request fault: the next CreateServiceMesh takes it.
 */
export type Fault =
  | { kind: 'throttle'; action?: string; times?: number; retryAfterSeconds?: number }
  /** `code`: the error code (default from the status, e.g. 500 → InternalError). */
  | {
      kind: 'status'
      status: number
      action?: string
      times?: number
      nonJson?: boolean
      code?: string
      /** The error's Message (default "Injected fault: HTTP <status> <reason>."). */
      message?: string
      afterProcessing?: boolean
    }
  | { kind: 'delay'; ms: number; action?: string; times?: number; afterProcessing?: boolean }
  | { kind: 'reset'; action?: string; times?: number; afterProcessing?: boolean }
  | { kind: 'malformed'; action?: string; times?: number; body?: string }
  | { kind: 'createThenFail'; message: string }

export type RequestFault = Exclude<Fault, { kind: 'createThenFail' }>

interface Pending {
  fault: Fault
  remaining: number
}

export class FaultQueue {
  private readonly pending: Pending[] = []

  add(fault: Fault): void {
    const times = fault.kind === 'createThenFail' ? 1 : (fault.times ?? 1)
    if (!Number.isInteger(times) || times < 1) {
      throw new Error(`cloud emulator: fault "${fault.kind}" needs times >= 1, got ${times}`)
    }
    this.pending.push({ fault, remaining: times })
  }

  /** Drops every fault not yet spent. */
  clear(): void {
    this.pending.length = 0
  }

  /** The fault the next request for `action` suffers, if any. */
  takeForRequest(action: string): RequestFault | undefined {
    const found = this.take(
      f => f.kind !== 'createThenFail' && (f.action === undefined || f.action === action)
    )
    return found as RequestFault | undefined
  }

  /** The failure message the next created mesh ends with, if any. */
  takeCreateFailure(): string | undefined {
    const found = this.take(f => f.kind === 'createThenFail')
    return found?.kind === 'createThenFail' ? found.message : undefined
  }

  private take(matches: (fault: Fault) => boolean): Fault | undefined {
    const index = this.pending.findIndex(p => matches(p.fault))
    if (index < 0) return undefined
    const entry = this.pending[index]
    entry.remaining -= 1
    if (entry.remaining === 0) this.pending.splice(index, 1)
    return entry.fault
  }
}
