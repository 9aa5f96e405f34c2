/**
 * Answers slower than the call's timeout, through the real @alicloud/openapi-client against the loopback
 * emulator. The action's own timeouts are CreateServiceMesh 120 s, DescribeServiceMeshes and
 * DescribeServiceMeshDetail 10 s and AssumeRoleWithOIDC 10 s (TIMEOUTS in src/retry.ts): too
 * long for a test of the bundle, so MeshApi and the STS exchange run here with a 400 ms timeout and the
 * emulator answers after 1.2 s. Everything else (retries, the lookup after an unknown create, real sleeps)
 * is the production code.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createMeshApi } from '../../src/cloud/mesh.js'
import { resolveCredentials } from '../../src/cloud/credentials.js'
import type { CallTimeout } from '../../src/retry.js'
import { CloudCallError } from '../../src/cloud/failure.js'
import { evaluateSpec } from '../../src/meshspec/index.js'
import type { MeshRequest } from '../../src/meshspec/request.js'
import { recordingLog } from '../cloud/fakes.js'
import { startCloudEmulator, type CloudEmulator } from '../support/cloud-emulator.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator.js'
import { REPO_ROOT } from '../support/runner.js'

const KEY = { accessKeyId: 'LTAI5tSlowAnswers0000001', accessKeySecret: 'slowAnswersSecret00000000000001' }
const TIMEOUT: CallTimeout = { readMs: 400, connectMs: 400 }
const SLOW_MS = 1200

const REQUEST: MeshRequest = (() => {
  const spec = readFileSync(path.join(REPO_ROOT, 'examples', 'minimal.yaml'))
  const { request } = evaluateSpec(spec, { file: 'minimal.yaml', env: {} })
  if (!request) throw new Error('examples/minimal.yaml must be valid')
  return request
})()

let cloud: CloudEmulator
beforeEach(async () => {
  cloud = await startCloudEmulator({ accessKeys: { [KEY.accessKeyId]: KEY.accessKeySecret } })
})
afterEach(() => cloud.stop())

function meshApi() {
  const log = recordingLog()
  const api = createMeshApi({
    endpoint: { protocol: 'http', host: cloud.host },
    credentials: { ...KEY, source: 'static' },
    log,
    timeouts: { create: TIMEOUT, read: TIMEOUT }
  })
  return { api, log }
}

const creates = () => cloud.calls.filter(call => call.action === 'CreateServiceMesh')

describe('CreateServiceMesh slower than its timeout', () => {
  it('when the service carries the create out late: looks, finds the mesh, does not send again', async () => {
    cloud.inject({ kind: 'delay', ms: SLOW_MS, action: 'CreateServiceMesh' })
    const { api, log } = meshApi()

    const result = await api.create(REQUEST, [])

    expect(creates()).toHaveLength(1)
    expect(cloud.meshes).toHaveLength(1)
    expect(result).toEqual({ meshId: cloud.meshes[0].id, requestId: '' })
    expect(log.lines.join('\n')).toMatch(/CreateServiceMesh failed: no answer within 0.4 s.*looking for/)
  })

  it('when the create is done and only the answer is late: the same, one mesh', async () => {
    cloud.inject({ kind: 'delay', ms: SLOW_MS, action: 'CreateServiceMesh', afterProcessing: true })
    const { api } = meshApi()

    const result = await api.create(REQUEST, [])

    expect(creates()).toHaveLength(1)
    expect(cloud.meshes.map(mesh => mesh.id)).toEqual([result.meshId])
    // Found by name after the lost answer: the emulator's log shows the lookup.
    expect(cloud.calls.map(call => call.action)).toContain('DescribeServiceMeshes')
  })

  it('does not take a mesh that existed before for the one it created', async () => {
    const older = cloud.addMesh({ name: REQUEST.name, region: REQUEST.region })
    cloud.inject({ kind: 'delay', ms: SLOW_MS, action: 'CreateServiceMesh' })
    const { api } = meshApi()

    const result = await api.create(REQUEST, [older.id])

    expect(cloud.meshes).toHaveLength(2)
    expect(result.meshId).not.toBe(older.id)
    expect(result.meshId).toBe(cloud.meshes[1].id)
  })
})

describe('reads slower than their timeout', () => {
  it('retries DescribeServiceMeshes and DescribeServiceMeshDetail', async () => {
    const mesh = cloud.addMesh({ name: REQUEST.name, region: REQUEST.region })
    cloud.inject({ kind: 'delay', ms: SLOW_MS, action: 'DescribeServiceMeshes' })
    cloud.inject({ kind: 'delay', ms: SLOW_MS, action: 'DescribeServiceMeshDetail', afterProcessing: true })
    const { api, log } = meshApi()

    expect((await api.findByName(REQUEST.name, REQUEST.region)).map(m => m.id)).toEqual([mesh.id])
    expect((await api.describe(mesh.id))?.id).toBe(mesh.id)
    expect(cloud.calls.map(call => call.action)).toEqual([
      'DescribeServiceMeshes',
      'DescribeServiceMeshes',
      'DescribeServiceMeshDetail',
      'DescribeServiceMeshDetail'
    ])
    expect(log.lines.join('\n')).toMatch(
      /DescribeServiceMeshes: timeout \(no answer within 0.4 s\); retrying/
    )
  })

  it('fails with the API and the timeout when every attempt is too slow', async () => {
    cloud.inject({ kind: 'delay', ms: SLOW_MS, action: 'DescribeServiceMeshes', times: 4 })
    const { api } = meshApi()

    const error = await api.findByName(REQUEST.name, REQUEST.region).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(CloudCallError)
    expect((error as Error).message).toBe(
      'DescribeServiceMeshes failed: no answer within 0.4 s; request id none (no answer from the service); after 4 attempts'
    )
  }, 30_000)
})

describe('STS slower than its timeout', () => {
  let github: GitHubEmulator
  beforeEach(async () => {
    github = await startGitHubEmulator({ owner: 'octo', repo: 'app' })
    await cloud.stop()
    cloud = await startCloudEmulator({
      oidc: {
        issuer: github.issuer,
        publicKey: github.publicKey,
        clientIds: ['sts.aliyuncs.com'],
        providerArn: 'acs:ram::1234567890123456:oidc-provider/github',
        roleArn: 'acs:ram::1234567890123456:role/deployer'
      }
    })
  })
  afterEach(() => github.stop())

  it('retries AssumeRoleWithOIDC and gets keys', async () => {
    cloud.inject({ kind: 'delay', ms: SLOW_MS, action: 'AssumeRoleWithOIDC' })
    const token = await fetch(`${github.idTokenRequestUrl}&audience=sts.aliyuncs.com`, {
      headers: { authorization: `Bearer ${github.idTokenRequestToken}` }
    }).then(async response => ((await response.json()) as { value: string }).value)
    const masked: string[] = []

    const credentials = await resolveCredentials(
      {
        kind: 'oidc',
        stsEndpoint: { protocol: 'http', host: cloud.host },
        tokenOrigin: github.url,
        oidc: {
          roleArn: 'acs:ram::1234567890123456:role/deployer',
          providerArn: 'acs:ram::1234567890123456:oidc-provider/github',
          audience: 'sts.aliyuncs.com',
          roleSessionName: 'github-1-1',
          durationSeconds: 3600
        }
      },
      {
        getIDToken: async () => token,
        setSecret: v => void masked.push(v),
        log: recordingLog(),
        stsTimeout: TIMEOUT
      }
    )

    expect(cloud.calls.map(call => call.action)).toEqual(['AssumeRoleWithOIDC', 'AssumeRoleWithOIDC'])
    expect(credentials.source).toBe('oidc')
    expect(masked).toEqual([token, credentials.accessKeySecret, credentials.securityToken])
  })
})
