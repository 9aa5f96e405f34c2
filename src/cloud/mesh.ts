/** MeshApi over the ASM 2020-01-11 API (docs/reference/asm-api.md §2, §3). */
import { ActionError } from '../errors.js'
import type { Log } from '../log.js'
import type { Endpoint } from '../settings.js'
import type { MeshRequest } from '../meshspec/request.js'
import { cancelledWhileLooking, cancelledWhileWaiting } from '../cancellation.js'
import { systemClock, type Clock } from '../clock.js'
import { POLL, TIMEOUTS, type CallTimeout } from '../retry.js'
import { createApiClient, type ApiCall, type ApiClient, type Transport } from './client.js'
import { CloudCallError } from './failure.js'
import { listMeshTags } from './mesh-tags.js'
import {
  asObject,
  forbiddenIsNotGone,
  goneAfterDelete,
  isFailedState,
  meshInfo,
  MESH_ID,
  minutes,
  notFound,
  str
} from './mesh-answers.js'
import type {
  ChangeCall,
  CreateResult,
  Credentials,
  LiveRead,
  LookOptions,
  MeshApi,
  MeshInfo,
  WaitOptions
} from './types.js'

const VERSION = '2020-01-11'

export interface MeshTimeouts {
  read: CallTimeout
  /** CreateServiceMesh, and the calls that change a mesh. */
  create: CallTimeout
}

export interface MeshApiOptions {
  endpoint: Endpoint
  credentials: Credentials
  log: Log
  sleep?: Clock['sleep']
  random?: Clock['random']
  now?: Clock['now']
  /** Default TIMEOUTS.cloudRead and TIMEOUTS.cloudCreate. */
  timeouts?: Partial<MeshTimeouts>
  /** Tests only: replaces openapi-client. */
  transport?: Transport
}

export function createMeshApi(options: MeshApiOptions): MeshApi {
  return new AsmMeshApi(options)
}

class AsmMeshApi implements MeshApi {
  private readonly log: Log
  private readonly sleep: Clock['sleep']
  private readonly random: Clock['random']
  private readonly now: Clock['now']
  private readonly timeouts: MeshTimeouts
  private readonly host: string
  private readonly client: ApiClient

  constructor(options: MeshApiOptions) {
    this.log = options.log
    this.sleep = options.sleep ?? systemClock.sleep
    this.random = options.random ?? systemClock.random
    this.now = options.now ?? systemClock.now
    this.timeouts = { read: TIMEOUTS.cloudRead, create: TIMEOUTS.cloudCreate, ...options.timeouts }
    this.host = options.endpoint.host
    this.client = createApiClient({
      endpoint: options.endpoint,
      credentials: options.credentials,
      log: this.log,
      sleep: this.sleep,
      random: this.random,
      transport: options.transport
    })
  }

  private api(action: string, method: ApiCall['method'], rest: Partial<ApiCall> = {}) {
    return this.client.call({ action, version: VERSION, method, timeout: this.timeouts.read, ...rest })
  }

  async findByName(name: string, region: string): Promise<MeshInfo[]> {
    // The API has no name or region filter (docs/reference/asm-api.md §3): list all, filter here.
    const { body, requestId } = await this.api('DescribeServiceMeshes', 'GET')
    if (!Array.isArray(body.ServiceMeshes))
      throw new ActionError(
        `DescribeServiceMeshes answered without a ServiceMeshes list; request id ${requestId || 'none'}`,
        `Check that ${this.host} is the Service Mesh API endpoint.`
      )
    return body.ServiceMeshes.map(mesh =>
      meshInfo(asObject(asObject(mesh).ServiceMeshInfo), 'DescribeServiceMeshes')
    ).filter(mesh => mesh.name === name && mesh.region === region)
  }

  async describe(meshId: string): Promise<MeshInfo | undefined> {
    return (await this.detail(meshId))?.info
  }

  /** DescribeServiceMeshDetail as answered, with its ServiceMeshInfo; undefined when the mesh is gone. */
  private async detail(
    meshId: string
  ): Promise<{ info: MeshInfo; body: Record<string, unknown> } | undefined> {
    let response
    try {
      response = await this.api('DescribeServiceMeshDetail', 'POST', { body: { ServiceMeshId: meshId } })
    } catch (error) {
      if (notFound(error)) return undefined
      throw forbiddenIsNotGone(error, meshId, this.host)
    }
    const info = asObject(asObject(response.body.ServiceMesh).ServiceMeshInfo)
    if (typeof info.State !== 'string')
      throw new ActionError(
        `DescribeServiceMeshDetail for ${meshId} answered without ServiceMesh.ServiceMeshInfo.State; ` +
          `request id ${response.requestId || 'none'}`,
        `Check that ${this.host} is the Service Mesh API endpoint.`
      )
    const clusters = asObject(response.body.ServiceMesh).Clusters
    return {
      info: {
        ...meshInfo(info, 'DescribeServiceMeshDetail'),
        id: str(info.ServiceMeshId) || meshId,
        ...(Array.isArray(clusters) && { clusters: clusters.filter(c => typeof c === 'string') })
      },
      body: response.body
    }
  }

  async readLive(meshId: string, tagsIn?: string): Promise<LiveRead | undefined> {
    const detail = await this.detail(meshId)
    if (!detail) return undefined
    const tags =
      tagsIn === undefined
        ? undefined
        : await listMeshTags(
            query => this.api('ListTagResources', 'POST', { query }),
            meshId,
            tagsIn,
            this.host
          )
    return { info: detail.info, live: { detail: detail.body, ...(tags && { tags }) } }
  }

  async change(call: ChangeCall): Promise<string> {
    const { requestId } = await this.client.call({
      action: call.action,
      version: VERSION,
      method: 'POST',
      query: call.query,
      body: call.body,
      timeout: this.timeouts.create,
      // A change whose outcome is unknown is read back before it is ever sent again (update.ts, sendOnce).
      retryUnknownOutcome: false
    })
    return requestId
  }

  async removeCluster(meshId: string, clusterId: string): Promise<void> {
    // Accepted when the cluster is no longer listed or its removal is under way (docs/reference/asm-lifecycle-api.md §b).
    await this.sendOnce(
      'RemoveClusterFromServiceMesh',
      meshId,
      { ClusterId: clusterId },
      seen => Boolean(seen && (seen.state === 'updating' || !seen.clusters?.includes(clusterId))),
      notFound
    )
  }

  async deleteMesh(meshId: string): Promise<{ requestId: string }> {
    // `deleting` is UNVERIFIED (docs/reference/asm-lifecycle-api.md §e): any state but running counts as
    // accepted only together with the mesh being gone at the end of the wait.
    return this.sendOnce(
      'DeleteServiceMesh',
      meshId,
      {},
      seen => !seen || seen.state === 'deleting',
      goneAfterDelete
    )
  }

  /**
   * A call that must not run twice (each needs a running mesh, and its effect is not idempotent): sent
   * without blind retries, an unknown outcome is settled by describing the mesh. A mesh already gone
   * counts as done, as Terraform reads it (docs/reference/asm-lifecycle-api.md §c); `gone` says which
   * answers of the describe after an unknown outcome mean gone: StatusForbidden only once a delete was
   * sent (goneAfterDelete); the call's own answer is "gone" only as ServiceMesh.NotFound.
   */
  private async sendOnce(
    action: string,
    meshId: string,
    body: Record<string, string>,
    accepted: (seen: MeshInfo | undefined) => boolean,
    gone: (error: unknown) => boolean
  ): Promise<{ requestId: string }> {
    try {
      return { requestId: await this.change({ action, query: {}, body: { ServiceMeshId: meshId, ...body } }) }
    } catch (error) {
      if (notFound(error)) return { requestId: (error as CloudCallError).failure.requestId ?? '' }
      if (!(error instanceof CloudCallError) || !error.failure.outcomeUnknown) throw error
      this.log.warning(`${error.message}. It may have been carried out; describing mesh ${meshId} first.`)
      const seen = await this.describe(meshId).catch((failure: unknown) => {
        if (gone(failure)) return undefined
        throw failure
      })
      if (!accepted(seen)) throw error
      this.log.info(`Mesh ${meshId} shows that ${action} was carried out.`)
      return { requestId: error.failure.requestId ?? '' }
    }
  }

  async findCreated(
    request: Pick<MeshRequest, 'name' | 'region'>,
    existing: readonly string[],
    look: LookOptions
  ): Promise<MeshInfo | undefined> {
    const where = `name "${request.name}" in ${request.region}`
    const until = look.since + this.timeouts.create.readMs + POLL.createdMesh.windowMs
    let interval: number = POLL.createdMesh.firstMs
    for (;;) {
      let failure: CloudCallError | undefined
      try {
        const fresh = (await this.findByName(request.name, request.region)).filter(
          m => !existing.includes(m.id)
        )
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
      const remaining = until - this.now()
      if (remaining <= 0) {
        if (failure) throw failure
        return undefined
      }
      if (failure)
        this.log.warning(`${failure.message}; looking again in ${Math.round(interval / 100) / 10} s`)
      await this.sleep(Math.min(interval, remaining), look.signal).catch(() => undefined)
      if (look.signal?.aborted) throw cancelledWhileLooking(where)
      interval = Math.min(interval * 2, POLL.createdMesh.maxMs)
    }
  }

  async create(
    request: MeshRequest,
    existing: readonly string[],
    look: Omit<LookOptions, 'since'> = {}
  ): Promise<CreateResult> {
    const where = `name "${request.name}" in ${request.region}`
    const since = this.now()
    let reason: string
    let requestId = ''
    try {
      const answer = await this.client.call({
        action: 'CreateServiceMesh',
        version: VERSION,
        method: 'POST',
        query: request.query,
        body: request.body,
        timeout: this.timeouts.create,
        retryUnknownOutcome: false
      })
      const meshId = answer.body.ServiceMeshId
      if (typeof meshId === 'string' && MESH_ID.test(meshId)) return { meshId, requestId: answer.requestId }
      requestId = answer.requestId
      reason = `the answer (request id ${requestId || 'none'}) holds no ServiceMeshId`
    } catch (error) {
      if (!(error instanceof CloudCallError) || !error.failure.outcomeUnknown) throw error
      reason = error.message
      requestId = error.failure.requestId ?? ''
    }
    const window = this.timeouts.create.readMs + POLL.createdMesh.windowMs
    this.log.warning(
      `CreateServiceMesh: ${reason}. The mesh may exist now, so the create is not sent again; ` +
        `looking for ${where} until ${minutes(window)} after it was sent.`
    )
    const found = await this.findCreated(request, existing, { ...look, since }).catch((error: unknown) => {
      if (!(error instanceof ActionError)) throw error
      throw new ActionError(
        `CreateServiceMesh: the outcome is unknown (${reason}), and looking for ${where} failed too: ${error.message}`,
        `Look for a mesh with ${where} in the ASM console. The state record marks the create as unknown, ` +
          'so the next run looks for it first and records it instead of creating a second one.'
      )
    })
    if (found) {
      this.log.info(`Found mesh ${found.id} with ${where}: the create went through.`)
      return { meshId: found.id, requestId }
    }
    throw new ActionError(
      `CreateServiceMesh: the outcome is unknown (${reason}), and no new mesh with ${where} appeared within ` +
        `${minutes(window)} of the send; the create was not sent again.`,
      `Check the ASM console for a mesh with ${where}. The state record marks the create as unknown: the ` +
        'next run looks for the mesh first, records it if it appeared, and creates one only if it did not.'
    )
  }

  async waitUntilRunning(meshId: string, wait: WaitOptions): Promise<MeshInfo> {
    return this.poll(meshId, wait, {
      settled: seen => {
        if (!seen)
          throw new ActionError(
            `Mesh ${meshId} no longer exists (DescribeServiceMeshDetail: not found) while waiting for it.`,
            'Someone or something deleted it; check the ASM console, then re-run the job to create it again.'
          )
        return seen.state === 'running' ? seen : undefined
      },
      timedOut: last =>
        new ActionError(
          `Mesh ${meshId} is not running after ${wait.timeoutSeconds} s (last state: ${last?.state || 'unknown'}). ` +
            'Creation continues in the cloud.',
          `Raise wait-timeout-seconds, or set wait: false and check mesh ${meshId} later in the ASM console.`
        )
    })
  }

  async waitUntilGone(meshId: string, wait: WaitOptions): Promise<void> {
    await this.poll(meshId, wait, {
      settled: seen => (seen ? undefined : true),
      gone: goneAfterDelete,
      timedOut: last =>
        new ActionError(
          `Mesh ${meshId} still exists after ${wait.timeoutSeconds} s (last state: ${last?.state || 'unknown'}). ` +
            'The deletion continues in the cloud.',
          'Raise wait-timeout-seconds, or run the destroy again later: it waits for the same deletion and then records it.'
        )
    })
  }

  /** Polls describe until `settled` returns a value; a failed state, a timeout or a cancellation throws. */
  private async poll<T>(
    meshId: string,
    wait: WaitOptions,
    until: {
      settled(seen: MeshInfo | undefined): T | undefined
      timedOut(last?: MeshInfo): ActionError
      /** An error answer that means the mesh is gone (beyond describe's own). */
      gone?(error: unknown): boolean
    }
  ): Promise<T> {
    const start = this.now()
    const deadline = start + wait.timeoutSeconds * 1000
    const cancelled = () => cancelledWhileWaiting(meshId)
    const poll = POLL.meshState
    let interval: number = poll.firstMs
    let last: MeshInfo | undefined
    for (;;) {
      const remaining = deadline - this.now()
      if (remaining <= 0) throw until.timedOut(last)
      try {
        await this.sleep(Math.min(interval, remaining), wait.signal)
      } catch (error) {
        if (wait.signal?.aborted) throw cancelled()
        throw error
      }
      if (wait.signal?.aborted) throw cancelled()
      let seen: MeshInfo | undefined
      try {
        seen = await this.describe(meshId)
      } catch (error) {
        if (until.gone?.(error)) seen = undefined
        else if (!(error instanceof CloudCallError && error.failure.retryable)) throw error
        else {
          interval = Math.min(interval * 2, poll.maxMs)
          this.log.warning(`${error.message}; polling again in ${interval / 1000} s`)
          continue
        }
      }
      const elapsed = this.now() - start
      if (seen) {
        last = seen
        wait.onProgress?.(seen, Math.round(elapsed / 1000))
      }
      const done = until.settled(seen)
      if (done !== undefined) return done
      if (seen && isFailedState(seen.state))
        throw new ActionError(
          `Mesh ${meshId} failed (state ${seen.state}): ${seen.errorMessage || 'the API gave no ErrorMessage'}`,
          'Fix the cause the message names (quotas, VPC or vSwitch, permissions), delete the failed mesh, and re-run.'
        )
      interval = elapsed >= poll.slowAfterMs ? poll.slowMs : poll.everyMs
    }
  }
}
