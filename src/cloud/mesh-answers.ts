/**
 * How the ASM API's answers are read: which errors mean a mesh is gone, which states are failures, and
 * the one shape of a mesh taken from an answer. Pure, so the mesh API and destroy share one reading.
 */
import { ActionError } from '../errors.js'
import { CloudCallError } from './failure.js'
import type { MeshInfo } from './types.js'

/**
 * Only ServiceMesh.NotFound means "no such mesh". StatusForbidden (HTTP 403) is answered for a deleted
 * mesh and for one the credentials may not see (docs/reference/asm-lifecycle-api.md §c, "Knowing it is
 * gone"): outside a deletion the two cannot be told apart, so it is an access error, never "gone".
 */
const NOT_FOUND = 'ServiceMesh.NotFound'
const AMBIGUOUS_FORBIDDEN = 'StatusForbidden'

/** Mesh ids are short runs of letters and digits (docs/reference/asm-api.md §2); nothing else is taken from an answer. */
export const MESH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/

/** 403 codes that say the caller may not, not that the mesh is gone (cloud/failure.ts CODE_ADVICE). */
const DENIED = /^(Forbidden|NoPermission|InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSecurityToken)/

export const notFound = (error: unknown): boolean =>
  error instanceof CloudCallError && error.failure.code === NOT_FOUND

/**
 * How a mesh answers once its deletion was accepted, and only then (docs/contract.md §7.3,
 * docs/reference/asm-lifecycle-api.md §c, §f): ServiceMesh.NotFound, StatusForbidden or HTTP 403. A 403
 * whose code denies permission (Forbidden.RAM) is not "gone": taking it so would record a live mesh as
 * deleted. A 5xx is never read as gone.
 */
export const goneAfterDelete = (error: unknown): boolean => {
  if (!(error instanceof CloudCallError)) return false
  const code = error.failure.code ?? ''
  if (code === NOT_FOUND || code === AMBIGUOUS_FORBIDDEN) return true
  return error.failure.status === 403 && !DENIED.test(code)
}

export const isFailedState = (state: string): boolean =>
  state === 'failed' || state === 'create_timeout' || state.endsWith('_failed')

export function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '')

export function meshInfo(info: Record<string, unknown>, api: string): MeshInfo {
  const id = str(info.ServiceMeshId)
  if (id !== '' && !MESH_ID.test(id))
    throw new ActionError(
      `${api} answered a ServiceMeshId that is not a mesh id (${JSON.stringify(id.slice(0, 40))}).`,
      'Check that the endpoint input names the Service Mesh API.'
    )
  const errorMessage = str(info.ErrorMessage)
  return {
    id,
    name: str(info.Name),
    region: str(info.RegionId),
    state: str(info.State),
    ...(errorMessage && { errorMessage })
  }
}

export const minutes = (ms: number): string => `${Math.round(ms / 6000) / 10} min`

/** A StatusForbidden from DescribeServiceMeshDetail outside a deletion, as the access error it may be; other errors as they are. */
export function forbiddenIsNotGone(error: unknown, meshId: string, host: string): unknown {
  if (!(error instanceof CloudCallError) || error.failure.code !== AMBIGUOUS_FORBIDDEN) return error
  return new CloudCallError(
    error.failure,
    error.attempts,
    host,
    'The API answers StatusForbidden both for a deleted mesh and for one these credentials may not ' +
      `see, so mesh ${meshId} is not taken as gone and nothing is created in its place. Check that the ` +
      'credentials may call servicemesh:DescribeServiceMeshDetail and that the mesh is in this account. ' +
      'If it was deleted, delete its state record; the next apply then creates (or adopts) a mesh.'
  )
}
