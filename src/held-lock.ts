/**
 * The lock of a state key while this run holds it (docs/contract.md §5): the pending entry a create
 * (create.ts) or a destroy (destroy.ts) compare-and-swapped in, until the write that settles it.
 *
 * Every way out of the cloud call the entry stands for settles it: done → the caller's own write (the
 * record, the tombstone); certainly refused → the entry goes; anything else → marked `unknown`. The runner
 * kills a cancelled step about 10 s after the signal (cancellation.ts), maybe while a cloud call that does
 * not see the signal is still out, so a cancellation marks the entry `unknown` at once: the next run does
 * not wait for it but settles it (apply.ts settleAbandoned, or the next destroy).
 */
import type { Log } from './log.js'
import type { PendingCreate, StateDocument } from './state/record.js'
import type { StateStore, StateWrite } from './state/store.js'

export interface LockMessages {
  /** Commit message of the write that takes the lock. */
  take: string
  /** Commit message of the write that marks the entry `unknown`. */
  unknown: string
  /** Commit message of the write that clears the entry after a refusal. */
  refused: string
  /** What the entry stands for, in the warning when it cannot be settled: `the create for <key>`. */
  what: string
}

export interface LockTaking {
  store: StateStore
  /** The document the entry goes into, and its revision as read. */
  base: StateDocument
  revision: string | undefined
  pending: PendingCreate
  messages: LockMessages
  log: Pick<Log, 'warning'>
}

export interface HeldCall {
  /** The job's cancellation. */
  signal?: AbortSignal
  /** The call's failure left nothing done for certain: the entry can go. */
  refused(error: unknown): boolean
}

/** The state record while this run holds its pending entry: writes in order, each on the last one's revision. */
export class HeldLock {
  private queue: Promise<unknown> = Promise.resolve()
  /** Marks the entry `unknown`; later calls share the first one's write. */
  readonly markUnknown: () => Promise<StateWrite>

  private constructor(
    private readonly taking: LockTaking,
    public revision: string
  ) {
    const { base, pending, messages } = taking
    this.markUnknown = once(() =>
      this.write({ ...base, pending: { ...pending, outcome: 'unknown' } }, messages.unknown)
    )
  }

  /** Compare-and-swaps the pending entry in; a conflict throws (StateConflictError) and nothing is held. */
  static async take(taking: LockTaking): Promise<HeldLock> {
    const { store, base, revision, pending, messages } = taking
    const locked = await store.write({ ...base, pending }, revision, messages.take)
    return new HeldLock(taking, locked.revision)
  }

  write(document: StateDocument, message: string): Promise<StateWrite> {
    const written = this.queue.then(async () => {
      const result = await this.taking.store.write(document, this.revision, message)
      this.revision = result.revision
      return result
    })
    this.queue = written.catch(() => undefined)
    return written
  }

  /** Takes the entry away: nothing it stood for happened. */
  clear(message: string): Promise<StateWrite> {
    return this.write({ ...this.taking.base, pending: undefined }, message)
  }

  /** Resolves once every write started so far has ended. */
  idle(): Promise<unknown> {
    return this.queue
  }

  /**
   * Runs `call`, marking the entry `unknown` as soon as the job is cancelled; when `call` fails, settles
   * the entry before passing the failure on. Settling is best effort (a warning): the run is failing anyway.
   */
  async during<T>(call: () => Promise<T>, how: HeldCall): Promise<T> {
    const warn = (error: unknown) =>
      this.taking.log.warning(
        `Could not settle ${this.taking.messages.what} in the state record: ${(error as Error).message}`
      )
    const onAbort = () => void this.markUnknown().catch(warn)
    if (how.signal?.aborted) onAbort()
    else how.signal?.addEventListener('abort', onAbort, { once: true })
    let outcome: 'done' | 'refused' | 'unknown' = 'unknown'
    try {
      const result = await call()
      outcome = 'done'
      return result
    } catch (error) {
      if (how.refused(error)) outcome = 'refused'
      throw error
    } finally {
      // Before settling: a cancellation from here on must not mark over the refusal's write.
      how.signal?.removeEventListener('abort', onAbort)
      if (outcome !== 'done') {
        const settled = outcome === 'refused' ? this.clear(this.taking.messages.refused) : this.markUnknown()
        await settled.catch(warn)
      }
    }
  }
}

/** `fn` called at most once; later calls share its promise. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined
  return () => (started ??= fn())
}
