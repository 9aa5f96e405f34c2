import { describe, expect, it } from '@jest/globals'
import { caEnv, readCaFixture } from '../support/ca-fixture.js'
import { BASE, errors, evaluate, FILE, warnings, where } from '../support/spec-helpers.js'

/** BASE plus `extra`, whose first line is line 5. */
const check = (extra: string, env: Record<string, string> = {}) => evaluate(BASE + extra, env)

describe('keys', () => {
  it('suggests the closest known key, at any level', () => {
    const result = check(
      'tracng: {enabled: true}\ntracing: {sampleing: 5}\nTraceSampling: 5\nproxy: {resources: {limit: {}}}\n'
    )
    expect(where(errors(result))).toEqual([
      '5:1 tracng',
      '6:11 tracing.sampleing',
      '7:1 TraceSampling',
      '8:21 proxy.resources.limit'
    ])
    expect(errors(result).map(d => d.expected)).toEqual([
      'a known key such as tracing',
      'a known key such as tracing.sampling',
      'a known key such as tracing.sampling',
      'a known key such as proxy.resources.limits'
    ])
    expect(errors(result)[0]).toMatchObject({
      file: FILE,
      message: 'unknown key "tracng" (did you mean tracing?)',
      found: '"tracng"'
    })
  })

  it('points to the one field elsewhere with that name, and not to one of several', () => {
    const result = check('sampling: 5\nenabled: true\n')
    expect(errors(result).map(d => d.expected)).toEqual([
      'a known key such as tracing.sampling',
      expect.stringMatching(/^one of: version, extraParameters, name, region/)
    ])
  })

  it('lists the keys of the section when nothing is close', () => {
    const result = check('billing: {zzzzzz: 1}\n')
    expect(errors(result)[0].expected).toBe('one of: chargeType, period, autoRenew, autoRenewPeriod')
  })

  it('treats __proto__ and constructor as unknown keys, without touching any prototype', () => {
    const result = check(
      '__proto__: {polluted: true}\nconstructor: x\ntracing: {__proto__: {enabled: true}}\n'
    )
    expect(where(errors(result))).toEqual(['5:1 __proto__', '6:1 constructor', '7:11 tracing.__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('wants a mapping for a section', () => {
    const result = check('tracing: true\n')
    expect(where(errors(result))).toEqual(['5:10 tracing'])
    expect(errors(result)[0]).toMatchObject({
      message: 'tracing must be a mapping',
      found: 'the boolean true'
    })
  })
})

describe('required fields and version', () => {
  it('reports each missing required field', () => {
    const result = evaluate('region: cn-hangzhou\nnetwork: {vpcId: vpc-a}\n')
    expect(errors(result).map(d => `${d.line}:${d.column} ${d.path}: ${d.message}`)).toEqual([
      '1:1 version: version is required',
      '1:1 name: name is required (it identifies the mesh)',
      '2:11 network.vSwitches: network.vSwitches is required (the API requires VSwitches)'
    ])
  })

  it('accepts only version 1', () => {
    expect(where(errors(evaluate(BASE.replace('version: 1', 'version: 2'))))).toEqual(['1:10 version'])
    expect(where(errors(evaluate(BASE.replace('version: 1', "version: '1'"))))).toEqual(['1:10 version'])
  })
})

describe('types', () => {
  it.each([
    ['tracing: {enabled: yes}\n', '5:20 tracing.enabled', 'a boolean: true or false'],
    ['billing: {chargeType: PrePay, period: 3.0}\n', '5:39 billing.period', 'an integer'],
    ['billing: {chargeType: PrePay, period: "3"}\n', '5:39 billing.period', 'an integer'],
    ['tracing: {sampling: .nan}\n', '5:21 tracing.sampling', 'a number'],
    ['edition: 1\n', '5:10 edition', 'a string'],
    ['network2: 1\n', '5:1 network2', 'a known key such as network'],
    [
      'proxy: {excludeInboundPorts: "80,81"}\n',
      '5:30 proxy.excludeInboundPorts',
      'a YAML list such as [a, b]'
    ],
    ['proxy: {excludeInboundPorts: [80, "81"]}\n', '5:35 proxy.excludeInboundPorts[1]', 'an integer'],
    [
      'opa: {resources: {requests: {cpu: true}}}\n',
      '5:35 opa.resources.requests.cpu',
      'a quantity (a string such as "500m", or a number)'
    ],
    ['tags: [a, b]\n', '5:7 tags', 'a mapping of tag keys to string values'],
    ['accessLog: {format: "{}"}\n', '5:21 accessLog.format', 'a mapping']
  ])('%s', (extra, at, expected) => {
    const result = check(extra)
    expect(where(errors(result))).toEqual([at])
    expect(errors(result)[0].expected).toBe(expected)
  })
})

describe('formats', () => {
  it.each([
    ['region: Hangzhou', 'region', '3:9'],
    ['network: {vpcId: VPC-1, vSwitches: [vsw-a]}', 'network.vpcId', '4:18'],
    ['network: {vpcId: vpc-a, vSwitches: [vsw-a, sw-b]}', 'network.vSwitches[1]', '4:44'],
    ['network: {vpcId: vpc-a, vSwitches: [vsw-a, vsw-a]}', 'network.vSwitches[1]', '4:44'],
    ['network: {vpcId: vpc-a, vSwitches: []}', 'network.vSwitches', '4:36']
  ])('%s', (line, path, at) => {
    const key = line.split(':')[0]
    const spec = BASE.split('\n')
      .map(l => (l.startsWith(`${key}:`) ? line : l))
      .join('\n')
    expect(where(errors(evaluate(spec)))).toEqual([`${at} ${path}`])
  })

  it('warns about a well-formed region it does not know, and a closed one', () => {
    for (const region of ['xx-newplace-1', 'ap-south-1']) {
      const result = evaluate(BASE.replace('cn-hangzhou', region))
      expect(errors(result)).toEqual([])
      expect(where(warnings(result))).toEqual(['3:9 region'])
      expect(result.request?.region).toBe(region)
    }
  })

  it.each([
    ['opa: {resources: {limits: {cpu: 1Gi}}}', '5:33 opa.resources.limits.cpu'],
    ['opa: {resources: {limits: {cpu: -1}}}', '5:33 opa.resources.limits.cpu'],
    ['proxy: {resources: {limits: {memory: 12 Mi}}}', '5:38 proxy.resources.limits.memory'],
    ['multiBuffer: {pollDelay: 30 seconds}', '5:26 multiBuffer.pollDelay'],
    ['multiBuffer: {pollDelay: 30}', '5:26 multiBuffer.pollDelay'],
    ['proxy: {excludeIPRanges: [10.0.0.0/33]}', '5:27 proxy.excludeIPRanges[0]'],
    ['proxy: {excludeIPRanges: [10.0.0.300/8]}', '5:27 proxy.excludeIPRanges[0]'],
    ['proxy: {excludeIPRanges: [10.0.0.0]}', '5:27 proxy.excludeIPRanges[0]'],
    ["proxy: {excludeIPRanges: ['*']}", '5:27 proxy.excludeIPRanges[0]'],
    ['proxy: {excludeInboundPorts: [0]}', '5:31 proxy.excludeInboundPorts[0]'],
    ['proxy: {excludeOutboundPorts: [65536]}', '5:32 proxy.excludeOutboundPorts[0]'],
    ['accessLog: {service: {enabled: true, host: "bad host", port: 9999}}', '5:44 accessLog.service.host'],
    ['accessLog: {service: {enabled: true, host: als, port: 0}}', '5:55 accessLog.service.port'],
    ['prometheus: {customized: true, url: "ftp://x"}', '5:37 prometheus.url'],
    ['prometheus: {customized: true, url: not a url}', '5:37 prometheus.url'],
    ['clusterDomain: cluster..local', '5:16 clusterDomain'],
    ['edition: pro', '5:10 edition'],
    ['accessLog: {file: /dev/stderr}', '5:19 accessLog.file'],
    ['billing: {chargeType: PrePay, period: 37}', '5:39 billing.period'],
    [
      'billing: {chargeType: PrePay, period: 1, autoRenew: true, autoRenewPeriod: 4}',
      '5:76 billing.autoRenewPeriod'
    ],
    ['tracing: {sampling: 100.5}', '5:21 tracing.sampling'],
    ['name2: x', '5:1 name2'],
    ['istioVersion: ""', '5:15 istioVersion']
  ])('%s', (extra, at) => {
    const result = check(`${extra}\n`)
    expect(where(errors(result))).toEqual([at])
    expect(errors(result)[0].expected).toBeTruthy()
    expect(result.request).toBeUndefined()
  })

  it('accepts the valid forms', () => {
    const result = check(`proxy:
  includeIPRanges: ['*', 10.0.0.0/8, 'fd00::/8']
  excludeIPRanges: [192.168.0.0/16, '::1/128']
  excludeInboundPorts: [1, 65535]
  resources: {requests: {cpu: 0.5, memory: 1e3}, limits: {cpu: '1', memory: 1Ki}}
multiBuffer: {pollDelay: 1m30s}
accessLog: {file: '', service: {enabled: true, host: 10.0.0.1, port: 65535}}
prometheus: {customized: true, url: 'https://prom.example:9090/x'}
tracing: {sampling: 0}
`)
    expect(result.diagnostics).toEqual([])
    expect(result.request?.body).toMatchObject({
      IncludeIPRanges: '*,10.0.0.0/8,fd00::/8',
      AccessLogFile: '',
      ProxyRequestMemory: '1e3'
    })
  })
})

describe('tags', () => {
  it('allows at most 20 tags', () => {
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}: v`).join(', ')
    expect(where(errors(check(`tags: {${tags}}\n`)))).toEqual(['5:7 tags'])
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}: v`).join(', ')
    expect(errors(check(`tags: {${twenty}}\n`))).toEqual([])
  })

  it('follows the key and value length and prefix rules', () => {
    const result = check(
      `tags:\n  aliyun-x: a\n  acs:y: b\n  ${'k'.repeat(129)}: c\n  ok: ${'v'.repeat(129)}\n  n: 5\n`
    )
    expect(where(errors(result))).toEqual([
      `6:3 tags.aliyun-x`,
      `7:3 tags.acs:y`,
      `8:3 tags.${'k'.repeat(129)}`,
      '9:7 tags.ok',
      '10:6 tags.n'
    ])
  })
})

describe('cross-field rules', () => {
  it.each([
    [
      'billing: {chargeType: PrePay}',
      '5:11 billing.period',
      'billing.period is required with billing.chargeType: PrePay'
    ],
    [
      'billing: {chargeType: PayOnDemand, period: 3}',
      '5:36 billing.period',
      'billing.period is only allowed with billing.chargeType: PrePay'
    ],
    [
      'billing: {autoRenew: true}',
      '5:11 billing.autoRenew',
      'billing.autoRenew is only allowed with billing.chargeType: PrePay'
    ],
    [
      'billing: {chargeType: PrePay, period: 1, autoRenewPeriod: 3}',
      '5:42 billing.autoRenewPeriod',
      'billing.autoRenewPeriod is only allowed with billing.chargeType: PrePay and billing.autoRenew: true'
    ],
    [
      'prometheus: {customized: true}',
      '5:14 prometheus.url',
      'prometheus.url is required with prometheus.customized: true'
    ],
    [
      'prometheus: {url: "http://p:9090"}',
      '5:14 prometheus.url',
      'prometheus.url is only allowed with prometheus.customized: true'
    ],
    [
      'kiali: {enabled: true}',
      '5:9 kiali.enabled',
      'kiali.enabled: true is only allowed with prometheus.enabled: true'
    ],
    [
      'accessLog: {service: {enabled: true, port: 1}}',
      '5:23 accessLog.service.host',
      'accessLog.service.host is required with accessLog.service.enabled: true'
    ],
    [
      'configSource: {enabled: true}',
      '5:16 configSource.nacosId',
      'configSource.nacosId is required with configSource.enabled: true'
    ],
    [
      'localityLoadBalancing: {config: {failover: [{from: a, to: b}]}}',
      '5:25 localityLoadBalancing.config',
      'localityLoadBalancing.config is only allowed with localityLoadBalancing.enabled: true'
    ],
    [
      'opa: {resources: {requests: {cpu: 1500m}, limits: {cpu: 1}}}',
      '5:35 opa.resources.requests.cpu',
      'opa.resources.requests.cpu is above opa.resources.limits.cpu'
    ],
    [
      'proxy: {resources: {requests: {memory: 2Gi}, limits: {memory: 1024Mi}}}',
      '5:40 proxy.resources.requests.memory',
      'proxy.resources.requests.memory is above proxy.resources.limits.memory'
    ]
  ])('%s', (extra, at, message) => {
    const result = check(`${extra}\n`)
    expect(where(errors(result))).toEqual([at])
    expect(errors(result)[0].message).toBe(message)
  })

  it('accepts kiali off without prometheus, and equal requests and limits', () => {
    expect(
      check('kiali: {enabled: false}\nproxy: {resources: {requests: {cpu: 1}, limits: {cpu: 1000m}}}\n')
        .diagnostics
    ).toEqual([])
  })
})

describe('certificate authority', () => {
  const ca = (lines: string) => `certificateAuthority:\n${lines}`

  it('accepts matching cert and key, and a chain', () => {
    const result = check(
      ca('  cert: ${ASM_CA_CERT}\n  key: ${ASM_CA_KEY}\n  certChain: ${ASM_CERT_CHAIN}\n'),
      caEnv()
    )
    expect(result.diagnostics).toEqual([])
  })

  it('rejects a key that does not match its certificate, without printing it', () => {
    const env = { ...caEnv(), ASM_CA_KEY: readCaFixture('root-key.pem') }
    const result = check(ca('  cert: ${ASM_CA_CERT}\n  key: ${ASM_CA_KEY}\n'), env)
    expect(where(errors(result))).toEqual(['7:8 certificateAuthority.key'])
    expect(errors(result)[0]).toMatchObject({
      message: 'certificateAuthority.key does not match certificateAuthority.cert',
      found: 'a different key'
    })
    expect(JSON.stringify(result.diagnostics)).not.toContain('PRIVATE')
  })

  it('wants at least two certificates in certChain, and warns when they are out of order', () => {
    const one = check(ca('  certChain: ${ASM_CA_CERT}\n'), caEnv())
    expect(where(errors(one))).toEqual(['6:14 certificateAuthority.certChain'])
    expect(errors(one)[0].expected).toBe('at least 2 certificates')
    const reversed = readCaFixture('root-cert.pem') + readCaFixture('ca-cert.pem')
    const result = check(ca('  certChain: ${CHAIN}\n'), { CHAIN: reversed })
    expect(errors(result)).toEqual([])
    expect(where(warnings(result))).toEqual(['6:14 certificateAuthority.certChain'])
  })

  it('rejects what is not a certificate or key', () => {
    const result = check(ca('  cert: ${BAD}\n  rootCert: ${CHAIN}\n  rootKey: ${NOTKEY}\n'), {
      BAD: 'not a certificate',
      CHAIN: readCaFixture('cert-chain.pem'),
      NOTKEY: readCaFixture('root-cert.pem')
    })
    expect(errors(result).map(d => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '6:9 certificateAuthority.cert is neither PEM (-----BEGIN ...) nor Base64 of a PEM',
      '7:13 certificateAuthority.rootCert holds 2 certificate(s)',
      '8:12 certificateAuthority.rootKey is not a private key that can be parsed'
    ])
  })

  it('needs the parts each ExistingCaType uses, and warns that the type is deprecated', () => {
    const result = check(ca("  type: '2'\n"))
    expect(where(errors(result))).toEqual([
      '6:3 certificateAuthority.rootCert',
      '6:3 certificateAuthority.rootKey'
    ])
    expect(where(warnings(result))).toEqual(['6:3 certificateAuthority.type'])
    expect(warnings(result)[0].message).toContain('deprecated')
  })
})

describe('structured parameters', () => {
  it('accessLog.format must hold the 23 required keys', () => {
    const result = check('accessLog:\n  format: {authority_for: "%REQ(:AUTHORITY)%", method: 5}\n')
    expect(where(errors(result))).toEqual(['6:11 accessLog.format', '6:56 accessLog.format.method'])
    expect(errors(result)[0].message).toBe('accessLog.format lacks 21 of the keys the API requires')
    expect(errors(result)[0].expected).toContain('bytes_received')
  })

  it('localityLoadBalancing.config: failover or distribute, known keys, weights adding up to 100', () => {
    const result = check(`localityLoadBalancing:
  enabled: true
  config:
    failover: [{from: a, too: b}]
    distribute:
      - {from: a, to: {b: 60, c: 30}}
`)
    expect(errors(result).map(d => `${d.line}:${d.column} ${d.path}`)).toEqual([
      '8:16 localityLoadBalancing.config.failover[0]',
      '8:26 localityLoadBalancing.config.failover[0].too',
      '9:5 localityLoadBalancing.config.distribute',
      '10:23 localityLoadBalancing.config.distribute[0].to'
    ])
    expect(errors(result)[1].expected).toBe('a known key such as to')
    expect(errors(result)[0].message).toBe('localityLoadBalancing.config.failover[0] needs to')
    expect(errors(result)[3].message).toBe(
      'the weights in localityLoadBalancing.config.distribute[0].to add up to 90'
    )
  })
})

describe('extraParameters', () => {
  it('may not name a mapped or reserved parameter, and takes only scalars', () => {
    const result = check(
      'extraParameters:\n  traceSampling: 5\n  Action: x\n  bad-name: 1\n  Nested: {a: 1}\n  Empty:\n  Fine: 1.0\n'
    )
    expect(errors(result).map(d => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '6:3 traceSampling is mapped by the spec',
      '7:3 Action is reserved by the API protocol',
      '8:3 "bad-name" is not an API parameter name',
      '9:11 extraParameters.Nested must be a single value',
      '10:9 extraParameters.Empty must be a single value'
    ])
    expect(errors(result)[0].expected).toBe('set it as tracing.sampling')
  })
})

describe('all problems in one run', () => {
  it('reports every error of a broken spec together, nothing sent', () => {
    const result = evaluate(`version: 1
name: ""
region: cn_hangzhou
tracng: {}
network: {vpcId: vpc-a, vSwitches: [vsw-a, vsw-a]}
billing: {chargeType: PrePay}
tracing: {enabled: yes, sampling: 200}
`)
    expect(where(errors(result))).toEqual([
      '2:7 name',
      '3:9 region',
      '4:1 tracng',
      '5:44 network.vSwitches[1]',
      '6:11 billing.period',
      '7:20 tracing.enabled',
      '7:35 tracing.sampling'
    ])
    expect(result.request).toBeUndefined()
  })
})
