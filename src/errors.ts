/**
 * An error the user can act on: printed as one clear message (plus advice), never with a stack trace.
 * Anything that is not an ActionError is a bug and is reported as such.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly advice?: string
  ) {
    super(message)
    this.name = 'ActionError'
  }
}
