/** The few logging calls modules need; main passes actionsLog(core), tests pass a recorder. */
import { printable } from './printable.js'

export interface Log {
  info(message: string): void
  warning(message: string): void
  /** Worth seeing, not a problem: a notice annotation. */
  notice(message: string): void
  debug(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/**
 * The Log of a run over @actions/core (which has the same five calls). Plain lines go through printable(), so no message (they quote cloud answers, spec
 * paths and record fields) can print a workflow command; annotations, debug lines and group names are
 * command data, which @actions/core escapes itself.
 */
export function actionsLog(core: Log): Log {
  return {
    info: message => core.info(printable(message)),
    warning: message => core.warning(message),
    notice: message => core.notice(message),
    debug: message => core.debug(message),
    group: (name, fn) => core.group(name, fn)
  }
}

export const silentLog: Log = {
  info: () => undefined,
  warning: () => undefined,
  notice: () => undefined,
  debug: () => undefined,
  group: (_name, fn) => fn()
}
