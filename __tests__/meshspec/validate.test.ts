import { describe, expect, it } from '@jest/globals'
import { caEnv, readCaFixture } from '../support/ca-fixture.js'
import { BASE, errors, evaluate, FILE, warnings, where } from '../support/spec-helpers.js'
import { check, said } from './said.js'

describe('keys', () => {
  it('suggests the closest known key, at any level', () => {
    const result = check(
      'tracng: {enabled: true}\ntracing: {sampleing: 5}\nTraceSampling: 5\nproxy: {resources: {limit: {}}}\n'
    )
    expect(said(result)).toEqual([
      '5:1 error: tracng is not a known key; did you mean tracing?',
      '6:11 error: tracing.sampleing is not a known key; did you mean tracing.sampling?',
      '7:1 error: TraceSampling is not a known key; did you mean tracing.sampling?',
      '8:21 error: proxy.resources.limit is not a known key; did you mean proxy.resources.limits?'
    ])
    expect(result.diagnostics[0]).toMatchObject({ file: FILE, path: 'tracng' })
  })

  it('points to the one field elsewhere with that name, and lists all keys when nothing is close', () => {
    expect(said(check('sampling: 5\nenabled: true\nbilling: {zzzzzz: 1}\n'))).toEqual([
      '5:1 error: sampling is not a known key; did you mean tracing.sampling?',
      '6:1 error: enabled is not a known key; the keys at the top level are version, name, region, tags, ' +
        'edition, clusterSpec, istioVersion, clusterDomain, guestCluster, playgroundScene, network, ' +
        'loadBalancer, billing, tracing, prometheus, kiali, accessLog, controlPlaneLog, audit, opa, proxy, ' +
        'localityLoadBalancing, filters, dnsProxying, mse, configSource, gatewayAPI, ' +
        'filterGatewayClusterConfig, sdsServer, crHistory, crAggregation, multiBuffer, ambient, acmg, ' +
        'certificateAuthority, lifecycle, extraParameters',
      '7:11 error: billing.zzzzzz is not a known key; the keys of billing are chargeType, period, autoRenew, autoRenewPeriod'
    ])
  })

  it('treats __proto__ and constructor as unknown keys, without touching any prototype', () => {
    const result = check(
      '__proto__: {polluted: true}\nconstructor: x\ntracing: {__proto__: {enabled: true}}\n'
    )
    expect(where(errors(result))).toEqual(['5:1 __proto__', '6:1 constructor', '7:11 tracing.__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('wants a mapping for a section', () => {
    expect(said(check('tracing: true\n'))).toEqual([
      '5:10 error: tracing must be a mapping with keys such as enabled, sampling, customizedZipkin | found the boolean true'
    ])
  })
})

describe('required fields and version', () => {
  it('reports each missing required field', () => {
    expect(said(evaluate('region: cn-hangzhou\nnetwork: {vpcId: vpc-a}\n'))).toEqual([
      '1:1 error: version is required: add version: 1',
      '1:1 error: name is required: it identifies the mesh',
      '2:11 error: network.vSwitches is required: the API needs VSwitches'
    ])
  })

  it('accepts only version 1, and no empty required value', () => {
    expect(said(evaluate(BASE.replace('version: 1', "version: '1'")))).toEqual([
      '1:10 error: version must be 1, the only format version | found the string "1"'
    ])
    expect(said(evaluate(BASE.replace('name: m', 'name: ""')))).toEqual(['2:7 error: name must not be empty'])
  })
})

describe('types', () => {
  it('wants the type of each field, saying what was found', () => {
    const result = check(
      'billing: {chargeType: PrePay, period: 3.0}\ntracing: {sampling: .nan}\nedition: 1\n' +
        'proxy: {excludeInboundPorts: "80,81"}\nopa: {resources: {requests: {cpu: true}}}\ntags: [a, b]\n' +
        'multiBuffer: {pollDelay: 30}\nloadBalancer: {apiServerPublicEip: "true"}\n'
    )
    expect(said(result)).toEqual([
      '5:39 error: billing.period must be an integer | found the number 3.0',
      '6:21 error: tracing.sampling must be a number | found the number .nan',
      '7:10 error: edition must be a string | found the number 1',
      '8:30 error: proxy.excludeInboundPorts must be a YAML list of ports such as [80, 443] | found the string "80,81"',
      '9:35 error: opa.resources.requests.cpu must be a quantity: a string such as "500m", or a number | found the boolean true',
      '10:7 error: tags must be a mapping of tag keys to values | found a list',
      '11:26 error: multiBuffer.pollDelay must be a string | found the number 30',
      '12:36 error: loadBalancer.apiServerPublicEip must be true or false | found the string "true"'
    ])
  })

  it('checks each item of a list', () => {
    expect(said(check('proxy: {excludeInboundPorts: [80, "81"]}\n'))).toEqual([
      '5:35 error: proxy.excludeInboundPorts[1] must be a port number | found the string "81"'
    ])
  })
})

describe('values the API doc rules out are errors', () => {
  it.each([
    [
      'clusterSpec: Enterprise',
      '5:14 error: clusterSpec must be one of "standard", "enterprise", "ultimate"; did you mean "enterprise"? | found the string "Enterprise"'
    ],
    [
      'accessLog: {file: /dev/stderr}',
      '5:19 error: accessLog.file must be one of "", "/dev/stdout" | found the string "/dev/stderr"'
    ],
    [
      'tracing: {sampling: 100.5}',
      '5:21 error: tracing.sampling must be from 0 to 100 | found the number 100.5'
    ],
    [
      'billing: {chargeType: PrePay, period: 0}',
      '5:39 error: billing.period must be at least 1 | found the number 0'
    ],
    [
      'proxy: {excludeInboundPorts: [0]}',
      '5:31 error: proxy.excludeInboundPorts[0] must be from 1 to 65535 | found the number 0'
    ],
    [
      'proxy: {excludeOutboundPorts: [65536]}',
      '5:32 error: proxy.excludeOutboundPorts[0] must be from 1 to 65535 | found the number 65536'
    ],
    [
      'accessLog: {service: {port: 0}}',
      '5:29 error: accessLog.service.port must be from 1 to 65535 | found the number 0'
    ],
    [
      'proxy: {excludeIPRanges: [10.0.0.0/33]}',
      '5:27 error: proxy.excludeIPRanges[0] is not a CIDR such as 10.0.0.0/8 or fd00::/8: the prefix length must be /0 to /32 | found the string "10.0.0.0/33"'
    ],
    [
      'proxy: {excludeIPRanges: [10.0.0.300/8]}',
      '5:27 error: proxy.excludeIPRanges[0] is not a CIDR such as 10.0.0.0/8 or fd00::/8: 10.0.0.300 is not an IP address | found the string "10.0.0.300/8"'
    ],
    [
      'proxy: {excludeIPRanges: [10.0.0.0]}',
      '5:27 error: proxy.excludeIPRanges[0] is not a CIDR such as 10.0.0.0/8 or fd00::/8: it has no prefix length such as /32 | found the string "10.0.0.0"'
    ],
    [
      "proxy: {excludeIPRanges: ['*']}",
      '5:27 error: proxy.excludeIPRanges[0] is not a CIDR such as 10.0.0.0/8 or fd00::/8: * is not an IP address | found the string "*"'
    ],
    [
      'proxy: {resources: {limits: {memory: 12 Mi}}}',
      '5:38 error: proxy.resources.limits.memory is not a Kubernetes quantity such as 500m, 1 or 128Mi | found the string "12 Mi"'
    ],
    [
      'opa: {resources: {limits: {cpu: -1}}}',
      '5:33 error: opa.resources.limits.cpu is negative: a resource amount cannot be | found the number -1'
    ],
    [
      'prometheus: {customized: true, url: not a url}',
      '5:37 error: prometheus.url is not a URL such as http://prometheus:9090 | found the string "not a url"'
    ]
  ])('%s', (extra, message) => {
    const result = check(`${extra}\n`)
    expect(said(result)).toEqual([message])
    expect(result.request).toBeUndefined()
  })

  it('wants at least one vSwitch', () => {
    const result = evaluate(BASE.replace('vSwitches: [vsw-a]', 'vSwitches: []'))
    expect(said(result)).toEqual(['4:36 error: network.vSwitches needs at least 1 item'])
  })
})

describe('rules from elsewhere are warnings that name their source, and the value is sent', () => {
  it.each([
    [
      'edition: Enterprise',
      'Edition',
      'Enterprise',
      '5:10 warning: edition is not one of "Default", "Pro" that Terraform\'s provider lists; the API doc does not close the list, so it is sent as written | found the string "Enterprise"'
    ],
    [
      'opa: {logLevel: warn}',
      'OPALogLevel',
      'warn',
      '5:17 warning: opa.logLevel is not one of "debug", "info", "error" that the UpdateMeshFeature doc lists; the API doc does not close the list, so it is sent as written | found the string "warn"'
    ],
    [
      'billing: {chargeType: PrePay, period: 48}',
      'Period',
      '48',
      "5:39 warning: billing.period is above 36, the most ROS's validator allows; the API doc sets no limit, so it is sent as written | found the number 48"
    ],
    [
      'billing: {chargeType: PrePay, period: 1, autoRenew: true, autoRenewPeriod: 12}',
      'AutoRenewPeriod',
      '12',
      "5:76 warning: billing.autoRenewPeriod is not one of 1, 2, 3, 6 that ROS's validator lists; the API doc does not close the list, so it is sent as written | found the number 12"
    ],
    [
      'opa: {resources: {limits: {cpu: 1Gi}}}',
      'OPALimitCPU',
      '1Gi',
      '5:33 warning: opa.resources.limits.cpu is not in cores or millicores such as 2 or 500m, as Kubernetes counts CPU; it is sent as written | found the string "1Gi"'
    ],
    [
      'proxy: {resources: {requests: {memory: 128m}}}',
      'ProxyRequestMemory',
      '128m',
      '5:40 warning: proxy.resources.requests.memory is in millibytes or smaller; Kubernetes counts memory in bytes such as 128Mi; it is sent as written | found the string "128m"'
    ],
    [
      'multiBuffer: {pollDelay: 30 seconds}',
      'MultiBufferPollDelay',
      '30 seconds',
      '5:26 warning: multiBuffer.pollDelay is not a duration such as 30s, 1m or 500ms, as Go writes them; it is sent as written | found the string "30 seconds"'
    ],
    [
      'accessLog: {service: {host: "bad host"}}',
      'AccessLogServiceHost',
      'bad host',
      '5:29 warning: accessLog.service.host is not a host name by RFC 1123 or an IP address; it is sent as written | found the string "bad host"'
    ],
    [
      'prometheus: {customized: true, url: "ftp://x"}',
      'PrometheusUrl',
      'ftp://x',
      '5:37 warning: prometheus.url does not use http or https, as a Prometheus address does; it is sent as written | found the string "ftp://x"'
    ],
    [
      'clusterDomain: cluster..local',
      'ClusterDomain',
      'cluster..local',
      '5:16 warning: clusterDomain is not a DNS domain such as cluster.local; it is sent as written | found the string "cluster..local"'
    ],
    [
      'istioVersion: ""',
      'IstioVersion',
      '',
      '5:15 warning: istioVersion is empty and is sent as an empty parameter; leave the key out to leave it unset'
    ]
  ])('%s', (extra, parameter, sent, message) => {
    const result = check(`${extra}\n`)
    expect(said(result)).toEqual([message])
    expect(result.request?.body[parameter]).toBe(sent)
  })

  it("takes the ids of the API doc's own examples, and a repeated vSwitch, with warnings", () => {
    const result = evaluate(
      BASE.replace(
        /^network:.*$/m,
        'network: {vpcId: vpc-xzelac2tw4ic7wz31****, vSwitches: [vsw-xzegf5dndkbf4m6eg****, VSW-B, VSW-B]}'
      )
    )
    expect(said(result)).toEqual([
      '4:18 warning: network.vpcId is not vpc- followed by lowercase letters and digits, like the ids in the API doc\'s examples; it is sent as written | found the string "vpc-xzelac2tw4ic7wz31****"',
      '4:57 warning: network.vSwitches[0] is not vsw- followed by lowercase letters and digits, as Terraform\'s vSwitch validator expects; it is sent as written | found the string "vsw-xzegf5dndkbf4m6eg****"',
      '4:84 warning: network.vSwitches[1] is not vsw- followed by lowercase letters and digits, as Terraform\'s vSwitch validator expects; it is sent as written | found the string "VSW-B"',
      '4:91 warning: network.vSwitches[2] is not vsw- followed by lowercase letters and digits, as Terraform\'s vSwitch validator expects; it is sent as written | found the string "VSW-B"',
      '4:91 warning: network.vSwitches[2] repeats "VSW-B"; an item listed twice is probably a mistake, it is sent as written | found the string "VSW-B"'
    ])
    expect(result.request?.body.VSwitches).toBe('["vsw-xzegf5dndkbf4m6eg****","VSW-B","VSW-B"]')
  })

  it('accepts the valid forms without a word', () => {
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

describe('regions', () => {
  it.each([
    ['cn-hangzou', 'cn-hangzhou'],
    ['cn-hangzhuo', 'cn-hangzhou'],
    ['CN-Beijing', 'cn-beijing'],
    ['cn_shanghai', 'cn-shanghai'],
    ['Hangzhou', 'cn-hangzhou'],
    ['us-wset-1', 'us-west-1']
  ])('%s is a typo of %s: an error', (region, meant) => {
    const result = evaluate(BASE.replace('cn-hangzhou', region))
    expect(said(result)).toEqual([
      `3:9 error: region is not a known ASM region; did you mean ${meant}? | found the string "${region}"`
    ])
  })

  it.each(['xx-newplace-1', 'ap-southeast-6', 'cn-guangzhou', 'me-central-1'])(
    '%s is far from every known region, or differs only in digits: a warning, and sent',
    region => {
      const result = evaluate(BASE.replace('cn-hangzhou', region))
      expect(said(result)).toEqual([
        `3:9 warning: region is not among the ASM regions of the API metadata; it is sent as written, in case the region is new | found the string "${region}"`
      ])
      expect(result.request?.region).toBe(region)
    }
  )

  it('warns about a region the metadata lists as closed', () => {
    expect(said(evaluate(BASE.replace('cn-hangzhou', 'ap-south-1')))).toEqual([
      '3:9 warning: region is listed as closed for ASM in the API metadata; it is sent as written | found the string "ap-south-1"'
    ])
  })
})

describe('tags', () => {
  it('sends any scalar as its text, and warns past 20 tags', () => {
    const result = check('tags: {n: 5, b: true, e: , v: 1.0}\n')
    expect(result.diagnostics).toEqual([])
    expect(result.request?.query).toEqual({
      'Tag.1.Key': 'n',
      'Tag.1.Value': '5',
      'Tag.2.Key': 'b',
      'Tag.2.Value': 'true',
      'Tag.3.Key': 'e',
      'Tag.3.Value': '',
      'Tag.4.Key': 'v',
      'Tag.4.Value': '1.0'
    })
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}: v`).join(', ')
    const many = check(`tags: {${tags}}\n`)
    expect(said(many)).toEqual([
      '5:7 warning: tags has 21 tags, more than the 20 the ListTagResources doc allows; they are sent as written'
    ])
    expect(Object.keys(many.request?.query ?? {})).toHaveLength(42)
  })

  it("warns about Alibaba Cloud's key and value rules, and refuses what cannot be a tag", () => {
    const result = check(
      `tags:\n  aliyun-x: a\n  ${'k'.repeat(129)}: c\n  ok: ${'v'.repeat(129)}\n  list: [a]\n`
    )
    const SENT = "which Alibaba Cloud's tag rules do not allow; it is sent as written"
    expect(said(result)).toEqual([
      `6:3 warning: tags.aliyun-x: the key starts with aliyun or acs:, ${SENT}`,
      `7:3 warning: tags.${'k'.repeat(129)}: the key has 129 characters, more than 128, ${SENT}`,
      `8:7 warning: tags.ok has a value of 129 characters, more than 128, ${SENT}`,
      '9:9 error: tags.list must be a single value such as prod | found a list'
    ])
  })
})

describe('cross-field rules', () => {
  it.each([
    [
      'kiali: {enabled: true}',
      '5:9 error: kiali.enabled: true needs prometheus.enabled: true; the API doc says KialiEnabled requires Telemetry | found prometheus.enabled not set'
    ],
    [
      'billing: {chargeType: PayOnDemand, period: 3}',
      '5:36 warning: billing.period is set without billing.chargeType: "PrePay"; the API doc says it applies only to PrePay, so the API ignores it | found billing.chargeType: "PayOnDemand"'
    ],
    [
      'billing: {autoRenew: true}',
      '5:11 warning: billing.autoRenew is set without billing.chargeType: "PrePay"; the API doc says it applies only to PrePay, so the API ignores it | found billing.chargeType not set'
    ],
    [
      'billing: {chargeType: PrePay}',
      '5:11 warning: billing.period is not set with billing.chargeType: "PrePay"; Alibaba Cloud\'s subscription APIs need the length of a subscription, and the API doc states no default'
    ],
    [
      'billing: {chargeType: PrePay, period: 1, autoRenewPeriod: 3}',
      "5:42 warning: billing.autoRenewPeriod is set without billing.autoRenew: true; Alibaba Cloud's subscription APIs use a renewal period only with auto-renewal, but it is sent as written | found billing.autoRenew not set"
    ],
    [
      'prometheus: {customized: true}',
      '5:14 warning: prometheus.url is not set with prometheus.customized: true; your own Prometheus needs its address, though the API doc does not require it'
    ],
    [
      'prometheus: {url: "http://p:9090"}',
      '5:14 warning: prometheus.url is set without prometheus.customized: true; the API doc uses PrometheusUrl with CustomizedPrometheus, so the API probably ignores it | found prometheus.customized not set'
    ],
    [
      'accessLog: {service: {enabled: true, port: 1}}',
      '5:23 warning: accessLog.service.host is not set with accessLog.service.enabled: true; the access log service needs a host to send to, though the API doc does not require it'
    ],
    [
      'configSource: {enabled: true}',
      '5:16 warning: configSource.nacosId is not set with configSource.enabled: true; the config source needs the id of a Nacos instance, though the API doc does not require it'
    ],
    [
      'localityLoadBalancing: {config: {failover: [{from: a, to: b}]}}',
      '5:25 warning: localityLoadBalancing.config is set without localityLoadBalancing.enabled: true; Istio applies locality settings only with locality load balancing on, so they are probably ignored | found localityLoadBalancing.enabled not set'
    ],
    [
      'opa: {resources: {requests: {cpu: 1500m}, limits: {cpu: 1}}}',
      '5:35 warning: opa.resources.requests.cpu 1500m is above opa.resources.limits.cpu 1; Kubernetes refuses a request above its limit, but it is sent as written'
    ],
    [
      'proxy: {resources: {requests: {memory: 2Gi}, limits: {memory: 1024Mi}}}',
      '5:40 warning: proxy.resources.requests.memory 2Gi is above proxy.resources.limits.memory 1024Mi; Kubernetes refuses a request above its limit, but it is sent as written'
    ]
  ])('%s', (extra, message) => {
    const result = check(`${extra}\n`)
    expect(said(result)).toEqual([message])
    expect(result.request === undefined).toBe(message.includes(' error: '))
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
    expect(said(result)).toEqual([
      '7:8 error: certificateAuthority.key does not match certificateAuthority.cert; the key must be the private key of the certificate in certificateAuthority.cert'
    ])
    expect(JSON.stringify(result.diagnostics)).not.toContain('PRIVATE')
  })

  it('wants at least two certificates in certChain, and warns when they are out of order', () => {
    expect(said(check(ca('  certChain: ${ASM_CA_CERT}\n'), caEnv()))).toEqual([
      '6:14 error: certificateAuthority.certChain holds 1 certificate; the API doc wants a chain of at least 2, from the CA to the root'
    ])
    const reversed = readCaFixture('root-cert.pem') + readCaFixture('ca-cert.pem')
    const result = check(ca('  certChain: ${CHAIN}\n'), { CHAIN: reversed })
    expect(said(result)).toEqual([
      '6:14 warning: certificateAuthority.certChain is out of order: certificate 1 is not issued by the next one; the API doc lists the chain from the CA certificate to the root, it is sent as written'
    ])
    expect(result.request).toBeDefined()
  })

  it('rejects what is not a certificate or key, and warns about a second certificate', () => {
    const result = check(ca('  cert: ${BAD}\n  rootCert: ${CHAIN}\n  rootKey: ${NOTKEY}\n'), {
      BAD: 'not a certificate',
      CHAIN: readCaFixture('cert-chain.pem'),
      NOTKEY: readCaFixture('root-cert.pem')
    })
    expect(said(result)).toEqual([
      '6:9 error: certificateAuthority.cert is neither PEM, starting with -----BEGIN, nor Base64 of a PEM',
      "7:13 warning: certificateAuthority.rootCert holds 2 certificates, where Istio's CA secret holds one; it is sent as written",
      '8:3 warning: certificateAuthority.rootKey is deprecated: the API deprecates ExistingRootCaKey; prefer cert, key and certChain',
      '8:12 error: certificateAuthority.rootKey is not a private key that can be read'
    ])
  })

  it('needs the parts each ExistingCaType uses, and warns that the type is deprecated', () => {
    const NEEDS = 'the API doc says ExistingCaType "2" needs ExistingRootCaCert and ExistingRootCaKey'
    expect(said(check(ca("  type: '2'\n")))).toEqual([
      '6:3 warning: certificateAuthority.type is deprecated: the API deprecates ExistingCaType; set cert, key and certChain instead',
      `6:3 error: certificateAuthority.rootCert is required with certificateAuthority.type: "2"; ${NEEDS}`,
      `6:3 error: certificateAuthority.rootKey is required with certificateAuthority.type: "2"; ${NEEDS}`
    ])
  })
})

describe('structured parameters', () => {
  it('accessLog.format must hold the 23 keys, and names every one it lacks', () => {
    const result = check(
      'accessLog:\n  enabled: true\n  format: {authority_for: "%REQ(:AUTHORITY)%", method: 5}\n'
    )
    expect(said(result)).toEqual([
      '7:11 error: accessLog.format lacks 21 of the 23 keys the API requires: bytes_received, bytes_sent, ' +
        'downstream_local_address, downstream_remote_address, duration, istio_policy_status, path, protocol, ' +
        'requested_server_name, response_code, response_flags, route_name, start_time, trace_id, ' +
        'upstream_cluster, upstream_host, upstream_local_address, upstream_service_time, ' +
        'upstream_transport_failure_reason, user_agent, x_forwarded_for',
      '7:56 warning: accessLog.format.method is not an Envoy format string such as "%REQ(:METHOD)%", as in the API doc\'s example; it is sent as written | found the number 5'
    ])
  })

  it("localityLoadBalancing.config: Istio's shape, as warnings", () => {
    const result = check(`localityLoadBalancing:
  enabled: true
  config:
    failover: [{from: a, too: b}]
    distribute:
      - {from: a, to: {b: 60, c: 30}}
`)
    const AS_ISTIO = "as Istio's locality settings expect; it is sent as written"
    expect(said(result)).toEqual([
      `8:16 warning: localityLoadBalancing.config.failover[0] has no to locality, ${AS_ISTIO}`,
      "8:26 warning: localityLoadBalancing.config.failover[0].too is not a key of Istio's locality settings, it is sent as written; did you mean to?",
      "9:5 warning: localityLoadBalancing.config.distribute is set beside failover, where Istio's locality settings take one of them; it is sent as written",
      `10:23 warning: localityLoadBalancing.config.distribute[0].to weights add up to 90, not 100 ${AS_ISTIO}`
    ])
    expect(result.request?.body.LocalityLBConf).toBe(
      '{"failover":[{"from":"a","too":"b"}],"distribute":[{"from":"a","to":{"b":60,"c":30}}]}'
    )
  })
})

describe('extraParameters', () => {
  it('may not name a mapped or reserved parameter, and takes only scalars', () => {
    const result = check(
      'extraParameters:\n  traceSampling: 5\n  Action: x\n  bad-name: 1\n  Nested: {a: 1}\n  Empty:\n  Fine: 1.0\n'
    )
    expect(said(result)).toEqual([
      '6:3 error: extraParameters.traceSampling is mapped by the spec: set it as tracing.sampling',
      '7:3 error: extraParameters.Action is reserved by the API protocol: use only CreateServiceMesh parameters',
      '8:3 error: extraParameters.bad-name is not an API parameter name: use letters and digits, such as SomeFutureFlag',
      '9:11 error: extraParameters.Nested must be a single value: a string, number or boolean | found a mapping',
      '10:9 error: extraParameters.Empty must be a single value: a string, number or boolean | found an empty value'
    ])
  })
})

describe('all problems in one run', () => {
  it('reports every error of a broken spec together, nothing sent, and a warning beside them', () => {
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
      '7:20 tracing.enabled',
      '7:35 tracing.sampling'
    ])
    expect(where(warnings(result))).toEqual(['5:44 network.vSwitches[1]', '6:11 billing.period'])
    expect(result.request).toBeUndefined()
  })
})
