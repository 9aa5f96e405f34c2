/** The few logging calls modules need; main passes @actions/core, tests pass a recorder. */
export interface Log {
  info(message: string): void
  warning(message: string): void
  /** Worth seeing, not a problem: a notice annotation. */
  notice(message: string): void
  debug(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export const silentLog: Log = {
  info: () => undefined,
  warning: () => undefined,
  notice: () => undefined,
  debug: () => undefined,
  group: (_name, fn) => fn()
}
