/**
 * An error the emulated gateway answers with. Codes follow Alibaba Cloud's catalogues; HTTP statuses are
 * the documented ones where a source gives them and an informed guess otherwise (reference §4.4, §8):
 * each factory below says which.
 */
export class AcsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'AcsError'
  }
}

/** 400 MissingParameter.<Name> (status by analogy with the STS AssumeRoleWithSAML table). */
export function missingParameter(name: string): AcsError {
  return new AcsError(
    400,
    `MissingParameter.${name}`,
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`
  )
}

/** 400 InvalidParameter.<Name> (status by analogy with the STS AssumeRoleWithSAML table). */
export function invalidParameter(name: string, why: string): AcsError {
  return new AcsError(
    400,
    `InvalidParameter.${name}`,
    `The specified parameter "${name}" is not valid: ${why}`
  )
}
