/** Value formats of the table (`Rules.format` for strings and list items): check + expectation + schema pattern. */
import { isIPv4, isIPv6 } from 'node:net'
import { REGION_PATTERN } from '../region.js'
import type { Format } from './fields.js'

export interface FormatProblem {
  message: string
  /** A doubt rather than a certain error (e.g. a well-formed region this action does not know). */
  warning?: true
}

export interface StringFormat {
  /** What a valid value looks like, for `expected`. */
  expected: string
  /** JSON Schema `pattern` (ECMAScript) when the format can be expressed as one. */
  pattern?: string
  check(value: string): FormatProblem | undefined
}

/**
 * Regions with an ASM endpoint (docs/reference/asm-api.md §6.1, from the API metadata's products.json). A well-formed region
 * that is not listed is only a warning: Alibaba Cloud opens regions faster than this list is updated, and the
 * API itself is the authority on what it accepts.
 */
const KNOWN_REGIONS: readonly string[] = [
  'us-west-1',
  'us-east-1',
  'me-east-1',
  'eu-west-1',
  'eu-central-1',
  'cn-zhangjiakou',
  'cn-wulanchabu',
  'cn-shenzhen-finance-1',
  'cn-shenzhen',
  'cn-shanghai-finance-1',
  'cn-shanghai',
  'cn-qingdao',
  'cn-huhehaote',
  'cn-hongkong',
  'cn-hangzhou-finance',
  'cn-hangzhou',
  'cn-chengdu',
  'cn-beijing-finance-1',
  'cn-beijing',
  'ap-southeast-5',
  'ap-southeast-3',
  'ap-southeast-2',
  'ap-southeast-1',
  'ap-south-1',
  'ap-northeast-1'
]
/** Listed as "Closed" in the same metadata. */
const CLOSED_REGIONS = new Set(['ap-southeast-2', 'ap-south-1'])

const fromPattern = (pattern: string, expected: string): StringFormat => {
  const regex = new RegExp(pattern)
  return {
    expected,
    pattern,
    check: value => (regex.test(value) ? undefined : { message: `not ${expected}` })
  }
}

const DNS_LABEL = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
const DNS_NAME = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*\\.?$`)
const NUMBER_PART = '([0-9]+(\\.[0-9]+)?|\\.[0-9]+)'
export const CPU_PATTERN = `^${NUMBER_PART}m?$`
export const MEMORY_PATTERN = `^${NUMBER_PART}([kMGTPE]|[KMGTPE]i|[eE][0-9]+)?$`

const isDnsName = (value: string): boolean => value.length <= 253 && DNS_NAME.test(value)
/** Every IPv6 address has a colon; node's IPv6 pattern is big enough that compiling it costs ms at start-up. */
const isIPv6Address = (value: string): boolean => value.includes(':') && isIPv6(value)

function checkCidr(value: string): FormatProblem | undefined {
  const slash = value.indexOf('/')
  const address = slash < 0 ? value : value.slice(0, slash)
  const prefix = slash < 0 ? '' : value.slice(slash + 1)
  const maxPrefix = isIPv4(address) ? 32 : isIPv6Address(address) ? 128 : -1
  if (maxPrefix < 0) return { message: `${JSON.stringify(address)} is not an IPv4 or IPv6 address` }
  if (!/^[0-9]{1,3}$/.test(prefix) || Number(prefix) > maxPrefix) {
    return { message: `the prefix length must be /0 to /${maxPrefix}` }
  }
  return undefined
}

/** Formats of single strings; the two structured formats are checked in structured.ts. */
export type StringFormatName = Exclude<Format, 'accessLogFormat' | 'localityLbConfig'>

export const FORMATS: Readonly<Record<StringFormatName, StringFormat>> = {
  region: {
    expected: 'a region id such as cn-hangzhou',
    pattern: REGION_PATTERN,
    check(value: string): FormatProblem | undefined {
      if (!new RegExp(REGION_PATTERN).test(value)) return { message: 'not a region id such as cn-hangzhou' }
      if (CLOSED_REGIONS.has(value))
        return { message: `region ${value} is listed as closed for ASM`, warning: true }
      if (!KNOWN_REGIONS.includes(value)) {
        return {
          message: `region ${value} is not one this action knows to offer ASM; the API may reject it`,
          warning: true
        }
      }
      return undefined
    }
  },
  vpcId: fromPattern('^vpc-[a-z0-9]+$', 'a VPC id: vpc- followed by lowercase letters and digits'),
  vswId: fromPattern('^vsw-[a-z0-9]+$', 'a vSwitch id: vsw- followed by lowercase letters and digits'),
  cidr: { expected: 'a CIDR such as 10.0.0.0/8 or fd00::/8', check: checkCidr },
  cidrOrAny: {
    expected: 'a CIDR such as 10.0.0.0/8, or * for all',
    check: (value: string) => (value === '*' ? undefined : checkCidr(value))
  },
  url: {
    expected: 'an http:// or https:// URL',
    check(value: string): FormatProblem | undefined {
      if (!URL.canParse(value) || /\s/.test(value)) return { message: 'not a URL' }
      const url = new URL(value)
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return { message: 'the URL must use http or https' }
      return url.hostname ? undefined : { message: 'the URL has no host' }
    }
  },
  host: {
    expected: 'a host name or IP address',
    check: (value: string) =>
      isIPv4(value) || isIPv6Address(value) || isDnsName(value)
        ? undefined
        : { message: 'not a host name or IP address' }
  },
  dnsName: {
    expected: 'a DNS domain such as cluster.local',
    check: (value: string) => (isDnsName(value) ? undefined : { message: 'not a DNS domain' })
  },
  cpu: fromPattern(CPU_PATTERN, 'a Kubernetes CPU quantity such as 1, 0.5 or 500m'),
  memory: fromPattern(MEMORY_PATTERN, 'a Kubernetes memory quantity such as 128Mi, 1Gi or 512M'),
  duration: fromPattern(
    '^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$',
    'a duration such as 30s, 1m or 500ms'
  )
}

export const isStringFormat = (format: Format | undefined): format is StringFormatName =>
  format !== undefined && format in FORMATS

const QUANTITY_SUFFIX: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
}

/** The amount a valid CPU or memory quantity stands for (cores or bytes), to compare requests with limits. */
export function quantityAmount(text: string): number {
  const match = /^([0-9.]+)(.*)$/.exec(text)
  if (!match) return Number.NaN
  const [, number, suffix] = match
  const exponent = /^[eE]([0-9]+)$/.exec(suffix)
  const scale = exponent ? 10 ** Number(exponent[1]) : QUANTITY_SUFFIX[suffix]
  return scale === undefined ? Number.NaN : Number(number) * scale
}
