/**
 * Loopback emulator of Alibaba Cloud STS (2015-04-01) and Service Mesh (2020-01-11) for tests, the demo
 * and the benchmark. One node:http server on 127.0.0.1 answers both products, verifies V3 and HMAC-SHA1
 * signatures, keeps meshes with a state machine, records every call and injects faults on demand.
 * Facts: docs/reference/alibaba-signing-sts.md, docs/reference/asm-api.md.
 */
import { randomUUID } from 'node:crypto'
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { AcsError, invalidParameter, missingParameter } from '../emulator/cloud/acs-error.js'
import { FaultQueue, type Fault } from '../emulator/cloud/faults.js'
import type { LifecycleControls, LifecycleOptions } from '../emulator/cloud/lifecycle-controls.js'
import { LifecycleService } from '../emulator/cloud/lifecycle-service.js'
import { MeshService, type EmulatedMesh } from '../emulator/cloud/mesh-service.js'
import { assumeRoleWithOidc, CredentialStore, validateTrust } from '../emulator/cloud/sts-service.js'
import {
  decodeParameters,
  describeSignature,
  NonceRegistry,
  RPC_COMMON_PARAMETERS,
  verifySignature,
  type SignatureKind,
  type SignedRequest
} from './acs-signature.js'

export type { EmulatedMesh } from '../emulator/cloud/mesh-service.js'
export type { Fault } from '../emulator/cloud/faults.js'
export type {
  DeletedMesh,
  LifecycleControls,
  LifecycleOptions
} from '../emulator/cloud/lifecycle-controls.js'

export interface CloudEmulatorOptions {
  /** static AK id -> secret */
  accessKeys?: Record<string, string>
  oidc?: {
    /** expected token iss */
    issuer: string
    /** RS256 verification key (PEM ok) */
    publicKey: import('node:crypto').KeyObject | string
    /** allowed aud values (RAM OIDC provider Client IDs) */
    clientIds: string[]
    /** acs:ram::<uid>:oidc-provider/<name> */
    providerArn: string
    /** acs:ram::<uid>:role/<name> */
    roleArn: string
    /** trust-policy oidc:sub StringLike pattern, * wildcard */
    subjectLike?: string
    /** the role's MaxSessionDuration: default 3600, allowed 3600..43200 */
    maxSessionDuration?: number
  }
  /** create -> running after this long (default 100) */
  provisionMs?: number
  /**
   * A new mesh shows up in DescribeServiceMeshes only this long after it was created (default 0): how a
   * lookup after a create of unknown outcome can miss it (list consistency is UNVERIFIED for the API).
   */
  listLagMs?: number
  /** extra CreateServiceMesh names to accept (future params) */
  acceptParameters?: string[]
  /** epoch ms; default Date.now. Lets tests move the emulator's time (date skew, key expiry, provisioning). */
  clock?: () => number
  /** update, upgrade and delete timing, how a deleted mesh answers, versions (lifecycle-service.ts) */
  lifecycle?: LifecycleOptions
}

export interface RecordedCall {
  action: string
  version: string
  method: string
  signature: SignatureKind
  accessKeyId?: string
  query: Record<string, string>
  body: Record<string, string>
  rawBody: string
  headers: Record<string, string>
  /** HTTP status answered; 0 while pending or when the connection was reset instead */
  status: number
  code?: string
}

export interface CloudEmulator {
  /** http://127.0.0.1:PORT */
  url: string
  /** 127.0.0.1:PORT */
  host: string
  calls: RecordedCall[]
  meshes: EmulatedMesh[]
  /** faults apply in order; times default 1; action undefined = any */
  inject(fault: Fault): void
  /** Drops the faults not yet spent. */
  clearFaults(): void
  addMesh(mesh: Pick<EmulatedMesh, 'name' | 'region'> & Partial<EmulatedMesh>): EmulatedMesh
  setMeshState(id: string, state: string, errorMessage?: string): void
  /** drift, foreign clusters, failed changes, deleted meshes (lifecycle-service.ts) */
  lifecycle: LifecycleControls
  /** the calls received for one action, in order */
  callsTo(action: string): RecordedCall[]
  /** how many calls each action received, answered or not */
  callCounts(): Record<string, number>
  stop(): Promise<void>
}

export async function startCloudEmulator(options: CloudEmulatorOptions = {}): Promise<CloudEmulator> {
  const emulator = new LoopbackCloud(options)
  await emulator.listen()
  return emulator
}

const STS_VERSION = '2015-04-01'
const ASM_VERSION = '2020-01-11'

/** One API operation: the HTTP methods its metadata allows and whether it is anonymous. */
interface Operation {
  methods: string[]
  anonymous: boolean
  run(params: Record<string, string>, request: SignedRequest): object
}

interface Product {
  /** as used in the Recommend link */
  name: string
  operations: Record<string, Operation>
}

interface Reply {
  status: number
  body: string
  contentType: string
  headers?: Record<string, string>
  code?: string
}

interface Received {
  call: RecordedCall
  request?: SignedRequest
  parseError?: AcsError
  requestId: string
}

const JSON_TYPE = 'application/json;charset=utf-8'

class LoopbackCloud implements CloudEmulator {
  url = ''
  host = ''
  readonly calls: RecordedCall[] = []
  private readonly server: Server
  private readonly stopping = new AbortController()
  private readonly clock: () => number
  private readonly faults = new FaultQueue()
  private readonly nonces = new NonceRegistry()
  private readonly credentials: CredentialStore
  private readonly mesh: MeshService
  readonly lifecycle: LifecycleService
  private readonly products: Record<string, Product>

  constructor(options: CloudEmulatorOptions) {
    validateTrust(options.oidc)
    this.clock = options.clock ?? Date.now
    this.credentials = new CredentialStore(options.accessKeys ?? {})
    this.mesh = new MeshService(
      this.clock,
      options.provisionMs ?? 100,
      options.acceptParameters ?? [],
      options.listLagMs ?? 0
    )
    this.lifecycle = new LifecycleService(this.mesh, this.clock, options.lifecycle)
    this.products = {
      [STS_VERSION]: {
        name: 'Sts',
        operations: {
          AssumeRoleWithOIDC: {
            methods: ['POST'],
            anonymous: true,
            run: params => assumeRoleWithOidc(params, options.oidc, this.credentials, this.clock())
          }
        }
      },
      [ASM_VERSION]: {
        name: 'servicemesh',
        operations: {
          CreateServiceMesh: {
            // API metadata allows GET|POST; SDKs use POST.
            methods: ['GET', 'POST'],
            anonymous: false,
            run: params => this.mesh.create(params, this.faults.takeCreateFailure())
          },
          DescribeServiceMeshes: {
            methods: ['GET'],
            anonymous: false,
            run: params => this.lifecycle.list(params)
          },
          DescribeServiceMeshDetail: {
            methods: ['GET', 'POST'],
            anonymous: false,
            run: params => this.lifecycle.detail(params)
          },
          ...this.lifecycle.operations
        }
      }
    }
    // Node's default 16 KiB header limit would cut off a 20000-character OIDCToken in the V3 query before
    // STS could answer with its own error.
    this.server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
      this.handle(req, res).catch(() => res.destroy())
    })
  }

  get meshes(): EmulatedMesh[] {
    this.lifecycle.settle()
    return this.mesh.meshes
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(0, '127.0.0.1', resolve)
    })
    const { port } = this.server.address() as AddressInfo
    this.host = `127.0.0.1:${port}`
    this.url = `http://${this.host}`
  }

  inject(fault: Fault): void {
    this.faults.add(fault)
  }

  clearFaults(): void {
    this.faults.clear()
  }

  addMesh(mesh: Pick<EmulatedMesh, 'name' | 'region'> & Partial<EmulatedMesh>): EmulatedMesh {
    return this.mesh.add(mesh)
  }

  setMeshState(id: string, state: string, errorMessage?: string): void {
    this.mesh.setState(id, state, errorMessage)
    this.lifecycle.cancel(id)
  }

  callsTo(action: string): RecordedCall[] {
    return this.calls.filter(call => call.action === action)
  }

  callCounts(): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const { action } of this.calls) counts[action] = (counts[action] ?? 0) + 1
    return counts
  }

  async stop(): Promise<void> {
    this.stopping.abort()
    const closed = new Promise<void>(resolve => this.server.close(() => resolve()))
    this.server.closeAllConnections()
    await closed
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const received = this.receive(req, await readBody(req))
    const { call } = received
    const fault = this.faults.takeForRequest(call.action)
    const afterProcessing =
      fault !== undefined && 'afterProcessing' in fault && fault.afterProcessing === true
    if (fault && !afterProcessing) {
      switch (fault.kind) {
        case 'reset':
          return resetConnection(res, call)
        case 'throttle':
          return send(res, received, this.throttleReply(fault, received))
        case 'status':
          return send(res, received, this.statusReply(fault, received))
        case 'delay':
          await this.pause(fault.ms)
      }
    }
    const reply = this.process(received)
    if (fault?.kind === 'malformed') return send(res, received, malformedReply(reply, fault.body))
    if (afterProcessing && fault?.kind === 'reset') return resetConnection(res, call)
    if (afterProcessing && fault?.kind === 'status')
      return send(res, received, this.statusReply(fault, received))
    if (afterProcessing && fault?.kind === 'delay') await this.pause(fault.ms)
    send(res, received, reply)
  }

  /** Parses and records the request; a parse error is kept to be answered after any fault. */
  private receive(req: IncomingMessage, rawBody: Buffer): Received {
    const headers = flattenHeaders(req)
    const target = req.url ?? '/'
    const queryStart = target.indexOf('?')
    const call: RecordedCall = {
      action: '',
      version: '',
      method: req.method ?? '',
      signature: 'anonymous',
      query: {},
      body: {},
      rawBody: rawBody.toString(),
      headers,
      status: 0
    }
    this.calls.push(call)
    const requestId = randomUUID().toUpperCase()
    try {
      const isForm = (headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      const request: SignedRequest = {
        method: call.method,
        path: queryStart < 0 ? target : target.slice(0, queryStart),
        query: decodeParameters(queryStart < 0 ? '' : target.slice(queryStart + 1), 'query string'),
        body: isForm ? decodeParameters(call.rawBody, 'form body') : {},
        rawBody,
        headers
      }
      const { kind, accessKeyId } = describeSignature(request)
      const params = { ...request.query, ...request.body }
      Object.assign(call, {
        query: request.query,
        body: request.body,
        signature: kind,
        accessKeyId,
        action: (kind === 'v3' ? headers['x-acs-action'] : (params.Action ?? headers['x-acs-action'])) ?? '',
        version:
          (kind === 'v3' ? headers['x-acs-version'] : (params.Version ?? headers['x-acs-version'])) ?? ''
      })
      return { call, request, requestId }
    } catch (error) {
      return { call, parseError: asAcsError(error), requestId }
    }
  }

  private process({ call, request, parseError, requestId }: Received): Reply {
    try {
      if (!request) throw parseError
      const operation = this.operation(call)
      if (!operation.methods.includes(call.method)) {
        // Code name from Alibaba's gateway catalogue; status not verified.
        throw new AcsError(
          400,
          'UnsupportedHTTPMethod',
          `${call.action} accepts ${operation.methods.join(' or ')}, not ${call.method}.`
        )
      }
      if (call.signature === 'anonymous' && !operation.anonymous) {
        throw new AcsError(400, 'MissingAccessKeyId', 'AccessKeyId is mandatory for this action.')
      }
      verifySignature(request, {
        now: this.clock(),
        credential: id => this.credentials.get(id),
        nonces: this.nonces
      })
      const result = operation.run(apiParameters(request), request)
      return jsonReply(200, { RequestId: requestId, ...result })
    } catch (error) {
      return this.errorReply(asAcsError(error), { call, requestId })
    }
  }

  private operation(call: RecordedCall): Operation {
    if (!call.version) throw missingParameter('Version')
    if (!call.action) throw missingParameter('Action')
    const product = this.products[call.version]
    if (!product)
      throw new AcsError(400, 'InvalidVersion', `Specified parameter Version "${call.version}" is not valid.`)
    const operation = product.operations[call.action]
    if (!operation) {
      throw new AcsError(
        404,
        'InvalidAction.NotFound',
        'Specified api is not found, please check your url and method.'
      )
    }
    return operation
  }

  /**
   * Alibaba's gateway answers throttling with HTTP 400. x-acs-retry-after is in milliseconds, as the
   * Darabonba SDKs' own throttling tests use it (openapi-client 0.4.15 ignores it; openapi-core reads it).
   */
  private throttleReply(fault: Extract<Fault, { kind: 'throttle' }>, context: Received): Reply {
    const reply = this.errorReply(
      new AcsError(400, 'Throttling.User', 'Request was denied due to user flow control.'),
      context
    )
    if (fault.retryAfterSeconds === undefined) return reply
    return { ...reply, headers: { 'x-acs-retry-after': String(Math.round(fault.retryAfterSeconds * 1000)) } }
  }

  /** An Alibaba JSON error with that status, or the HTML page a front proxy gives. */
  private statusReply(fault: Extract<Fault, { kind: 'status' }>, context: Received): Reply {
    const reason = STATUS_CODES[fault.status] ?? 'Error'
    if (fault.nonJson) {
      const title = `${fault.status} ${reason}`
      return {
        status: fault.status,
        contentType: 'text/html',
        body: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>Tengine</center></body></html>`
      }
    }
    const code = fault.code ?? (fault.status === 500 ? 'InternalError' : reason.replace(/[^A-Za-z]/g, ''))
    return this.errorReply(
      new AcsError(fault.status, code, fault.message ?? `Injected fault: HTTP ${fault.status} ${reason}.`),
      context
    )
  }

  /** Alibaba's error body: {RequestId, HostId, Code, Message, Recommend}. */
  private errorReply(error: AcsError, { call, requestId }: Pick<Received, 'call' | 'requestId'>): Reply {
    const product = this.products[call.version]?.name ?? ''
    const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product}&requestId=${requestId}`
    const body = {
      RequestId: requestId,
      HostId: call.headers.host ?? '',
      Code: error.code,
      Message: error.message,
      Recommend: recommend
    }
    return { ...jsonReply(error.status, body), code: error.code }
  }

  /** Sleeps, but gives up (and lets the connection drop) when the emulator stops. */
  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopping.signal })
  }
}

/** The API's own parameters: query and form body merged, RPC common parameters left out. */
function apiParameters(request: SignedRequest): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [name, value] of [...Object.entries(request.query), ...Object.entries(request.body)]) {
    if (RPC_COMMON_PARAMETERS.has(name)) continue
    if (Object.hasOwn(params, name))
      throw invalidParameter(name, 'it is sent both in the query and in the body.')
    params[name] = value
  }
  return params
}

function asAcsError(error: unknown): AcsError {
  if (error instanceof AcsError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new AcsError(
    500,
    'InternalError',
    `The request processing has failed due to some unknown error: ${detail}`
  )
}

function jsonReply(status: number, body: object): Reply {
  return { status, body: JSON.stringify(body), contentType: JSON_TYPE }
}

/** A 200 whose body is cut short (or the fault's own text): what a broken proxy or a crash mid-write gives. */
function malformedReply(reply: Reply, body: string | undefined): Reply {
  return {
    status: 200,
    contentType: JSON_TYPE,
    body: body ?? reply.body.slice(0, Math.ceil(reply.body.length / 2))
  }
}

function send(res: ServerResponse, { call, requestId }: Received, reply: Reply): void {
  call.status = reply.status
  call.code = reply.code
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    'x-acs-request-id': requestId,
    ...reply.headers
  })
  res.end(reply.body)
}

function resetConnection(res: ServerResponse, call: RecordedCall): void {
  call.status = 0
  res.socket?.resetAndDestroy()
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
