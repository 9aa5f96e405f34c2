/** MeshApi over the ASM 2020-01-11 API (docs/reference/asm-api.md §2, §3). */
import { ActionError } from '../errors.js'
import type { Log } from '../log.js'
import type { Endpoint } from '../settings.js'
import type { MeshRequest } from '../meshspec/request.js'
import { scaled } from '../time-scale.js'
import {
  createApiClient,
  DEFAULT_RETRY,
  type ApiCall,
  type CallTimeout,
  type RetryPolicy,
  type Transport
} from './client.js'
import { CloudCallError } from './failure.js'
import { realSleep, type Sleep } from './sleep.js'
import type { CreateResult, Credentials, LookOptions, MeshApi, MeshInfo, WaitOptions } from './types.js'

const VERSION = '2020-01-11'

export interface MeshTimeouts {
  /** DescribeServiceMeshes / DescribeServiceMeshDetail: small answers, 10 s is generous. */
  read: CallTimeout
  /**
   * CreateServiceMesh checks the VPC, the vSwitches, quotas and service roles before it answers, which can
   * take well over 30 s. An answer given up on is an unknown outcome, so the wait for it is long.
   */
  create: CallTimeout
}

export const DEFAULT_MESH_TIMEOUTS: MeshTimeouts = {
  // Not scaled for tests: a read shortened below what a loaded machine needs would only add retries.
  read: { readMs: 10_000, connectMs: 10_000 },
  create: { readMs: scaled(120_000), connectMs: scaled(120_000) }
}

/** Polling: every 5 s (one poll per 5 s on average, the lag after `running` under 5 s), every 10 s after 5 min. */
const POLL = {
  firstMs: scaled(5000),
  everyMs: scaled(5000),
  slowMs: scaled(10_000),
  slowAfterMs: scaled(300_000),
  maxMs: scaled(30_000)
}

/**
 * The mesh of a CreateServiceMesh of unknown outcome may show up in DescribeServiceMeshes late. It is
 * looked for (never created again) until the create's own timeout plus this window has passed since it
 * was sent, with backoff from 2 s to 30 s between looks.
 */
const LOOKUP = { windowMs: scaled(5 * 60_000), firstMs: scaled(2000), maxMs: scaled(30_000) }

export interface MeshApiOptions {
  endpoint: Endpoint
  credentials: Credentials
  log: Log
  sleep?: Sleep
  random?: () => number
  /** Milliseconds, like Date.now. */
  now?: () => number
  timeouts?: Partial<MeshTimeouts>
  retry?: Partial<RetryPolicy>
  /** Tests only: replaces openapi-client. */
  transport?: Transport
}

/**
 * Only ServiceMesh.NotFound means "no such mesh". StatusForbidden (HTTP 403) is answered for a deleted
 * mesh and for one the credentials may not see (docs/reference/asm-lifecycle-api.md §c, "Knowing it is
 * gone"): outside a deletion the two cannot be told apart, so it is an access error, never "gone".
 */
const NOT_FOUND = 'ServiceMesh.NotFound'
const AMBIGUOUS_FORBIDDEN = 'StatusForbidden'

/** Mesh ids are short runs of letters and digits (docs/reference/asm-api.md §2); nothing else is taken from an answer. */
const MESH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/

const isFailedState = (state: string): boolean =>
  state === 'failed' || state === 'create_timeout' || state.endsWith('_failed')

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

function meshInfo(info: Record<string, unknown>, api: string): MeshInfo {
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

const minutes = (ms: number): string => `${Math.round(ms / 6000) / 10} min`

export function createMeshApi(options: MeshApiOptions): MeshApi {
  const { log } = options
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  const now = options.now ?? Date.now
  const timeouts = { ...DEFAULT_MESH_TIMEOUTS, ...options.timeouts }
  const retry = { ...DEFAULT_RETRY, ...options.retry }
  const client = createApiClient({
    endpoint: options.endpoint,
    credentials: options.credentials,
    log,
    sleep,
    random,
    retry,
    transport: options.transport
  })
  const api = (action: string, method: ApiCall['method'], rest: Partial<ApiCall> = {}) =>
    client.call({ action, version: VERSION, method, timeout: timeouts.read, ...rest })

  async function findByName(name: string, region: string): Promise<MeshInfo[]> {
    // The API has no name or region filter (docs/reference/asm-api.md §3): list all, filter here.
    const { body, requestId } = await api('DescribeServiceMeshes', 'GET')
    if (!Array.isArray(body.ServiceMeshes))
      throw new ActionError(
        `DescribeServiceMeshes answered without a ServiceMeshes list; request id ${requestId || 'none'}`,
        `Check that ${options.endpoint.host} is the Service Mesh API endpoint.`
      )
    return body.ServiceMeshes.map(mesh =>
      meshInfo(asObject(asObject(mesh).ServiceMeshInfo), 'DescribeServiceMeshes')
    ).filter(mesh => mesh.name === name && mesh.region === region)
  }

  async function describe(meshId: string): Promise<MeshInfo | undefined> {
    let response
    try {
      response = await api('DescribeServiceMeshDetail', 'POST', { body: { ServiceMeshId: meshId } })
    } catch (error) {
      if (!(error instanceof CloudCallError)) throw error
      if (error.failure.code === NOT_FOUND) return undefined
      if (error.failure.code === AMBIGUOUS_FORBIDDEN)
        throw new CloudCallError(
          error.failure,
          error.attempts,
          options.endpoint.host,
          'The API answers StatusForbidden both for a deleted mesh and for one these credentials may not ' +
            `see, so mesh ${meshId} is not taken as gone and nothing is created in its place. Check that the ` +
            'credentials may call servicemesh:DescribeServiceMeshDetail and that the mesh is in this account. ' +
            'If it was deleted, delete its state record; the next apply then creates (or adopts) a mesh.'
        )
      throw error
    }
    const info = asObject(asObject(response.body.ServiceMesh).ServiceMeshInfo)
    if (typeof info.State !== 'string')
      throw new ActionError(
        `DescribeServiceMeshDetail for ${meshId} answered without ServiceMesh.ServiceMeshInfo.State; ` +
          `request id ${response.requestId || 'none'}`,
        `Check that ${options.endpoint.host} is the Service Mesh API endpoint.`
      )
    return { ...meshInfo(info, 'DescribeServiceMeshDetail'), id: str(info.ServiceMeshId) || meshId }
  }

  async function findCreated(
    request: Pick<MeshRequest, 'name' | 'region'>,
    existing: readonly string[],
    look: LookOptions
  ): Promise<MeshInfo | undefined> {
    const where = `name "${request.name}" in ${request.region}`
    const until = look.since + timeouts.create.readMs + LOOKUP.windowMs
    let interval = LOOKUP.firstMs
    for (;;) {
      let failure: CloudCallError | undefined
      try {
        const fresh = (await findByName(request.name, request.region)).filter(m => !existing.includes(m.id))
        if (fresh.length === 1) return fresh[0]
        if (fresh.length > 1)
          throw new ActionError(
            `${fresh.length} new meshes have ${where}: ${fresh.map(mesh => mesh.id).join(', ')}`,
            'Decide which mesh to keep, delete the others in the ASM console, then re-run the job.'
          )
      } catch (error) {
        if (!(error instanceof CloudCallError && error.failure.retryable)) throw error
        failure = error
      }
      const remaining = until - now()
      if (remaining <= 0) {
        if (failure) throw failure
        return undefined
      }
      if (failure) log.warning(`${failure.message}; looking again in ${Math.round(interval / 100) / 10} s`)
      await sleep(Math.min(interval, remaining), look.signal).catch(() => undefined)
      if (look.signal?.aborted)
        throw new ActionError(`Cancelled while looking for a mesh with ${where}; it may exist.`)
      interval = Math.min(interval * 2, LOOKUP.maxMs)
    }
  }

  async function create(
    request: MeshRequest,
    existing: readonly string[],
    look: Omit<LookOptions, 'since'> = {}
  ): Promise<CreateResult> {
    const where = `name "${request.name}" in ${request.region}`
    const since = now()
    let reason: string
    let requestId = ''
    try {
      const answer = await client.call({
        action: 'CreateServiceMesh',
        version: VERSION,
        method: 'POST',
        query: request.query,
        body: request.body,
        timeout: timeouts.create,
        retryUnknownOutcome: false
      })
      const meshId = answer.body.ServiceMeshId
      if (typeof meshId === 'string' && MESH_ID.test(meshId))
        return { meshId, requestId: answer.requestId, recovered: false }
      requestId = answer.requestId
      reason = `the answer (request id ${requestId || 'none'}) holds no ServiceMeshId`
    } catch (error) {
      if (!(error instanceof CloudCallError) || !error.failure.outcomeUnknown) throw error
      reason = error.message
      requestId = error.failure.requestId ?? ''
    }
    const window = timeouts.create.readMs + LOOKUP.windowMs
    log.warning(
      `CreateServiceMesh: ${reason}. The mesh may exist now, so the create is not sent again; ` +
        `looking for ${where} until ${minutes(window)} after it was sent.`
    )
    const found = await findCreated(request, existing, { ...look, since }).catch((error: unknown) => {
      if (!(error instanceof ActionError)) throw error
      throw new ActionError(
        `CreateServiceMesh: the outcome is unknown (${reason}), and looking for ${where} failed too: ${error.message}`,
        `Look for a mesh with ${where} in the ASM console. The state record marks the create as unknown, ` +
          'so the next run looks for it first and records it instead of creating a second one.'
      )
    })
    if (found) {
      log.info(`Found mesh ${found.id} with ${where}: the create went through.`)
      return { meshId: found.id, requestId, recovered: true }
    }
    throw new ActionError(
      `CreateServiceMesh: the outcome is unknown (${reason}), and no new mesh with ${where} appeared within ` +
        `${minutes(window)} of the send; the create was not sent again.`,
      `Check the ASM console for a mesh with ${where}. The state record marks the create as unknown: the ` +
        'next run looks for the mesh first, records it if it appeared, and creates one only if it did not.'
    )
  }

  async function waitUntilRunning(meshId: string, wait: WaitOptions): Promise<MeshInfo> {
    const start = now()
    const deadline = start + wait.timeoutSeconds * 1000
    const cancelled = () =>
      new ActionError(
        `Stopped waiting for mesh ${meshId}: the job was cancelled. Creation continues in the cloud.`,
        `Check the mesh ${meshId} in the ASM console.`
      )
    let interval = POLL.firstMs
    let last: MeshInfo | undefined
    for (;;) {
      const remaining = deadline - now()
      if (remaining <= 0)
        throw new ActionError(
          `Mesh ${meshId} is not running after ${wait.timeoutSeconds} s (last state: ${last?.state || 'unknown'}). ` +
            'Creation continues in the cloud.',
          `Raise wait-timeout-seconds, or set wait: false and check mesh ${meshId} later in the ASM console.`
        )
      try {
        await sleep(Math.min(interval, remaining), wait.signal)
      } catch (error) {
        if (wait.signal?.aborted) throw cancelled()
        throw error
      }
      if (wait.signal?.aborted) throw cancelled()
      try {
        last = await describe(meshId)
      } catch (error) {
        if (!(error instanceof CloudCallError && error.failure.retryable)) throw error
        interval = Math.min(interval * 2, POLL.maxMs)
        log.warning(`${error.message}; polling again in ${interval / 1000} s`)
        continue
      }
      if (!last)
        throw new ActionError(
          `Mesh ${meshId} no longer exists (DescribeServiceMeshDetail: not found) while waiting for it.`,
          'Someone or something deleted it; check the ASM console, then re-run the job to create it again.'
        )
      const elapsed = now() - start
      wait.onProgress?.(last, Math.round(elapsed / 1000))
      if (last.state === 'running') return last
      if (isFailedState(last.state))
        throw new ActionError(
          `Mesh ${meshId} failed (state ${last.state}): ${last.errorMessage || 'the API gave no ErrorMessage'}`,
          'Fix the cause the message names (quotas, VPC or vSwitch, permissions), delete the failed mesh, and re-run.'
        )
      interval = elapsed >= POLL.slowAfterMs ? POLL.slowMs : POLL.everyMs
    }
  }

  return {
    create,
    findByName,
    findCreated,
    describe,
    waitUntilRunning,
    get calls() {
      return client.calls
    }
  }
}
