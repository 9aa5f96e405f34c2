/** The throwaway test CA (__tests__/fixtures/ca) as the env map a workflow would give the action. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './repo-root.js'

export const CA_FIXTURE_DIR = path.join(REPO_ROOT, '__tests__', 'fixtures', 'ca')

export const readCaFixture = (name: string): string => readFileSync(path.join(CA_FIXTURE_DIR, name), 'utf8')

export function caEnv(): Record<string, string> {
  return {
    ASM_CA_CERT: readCaFixture('ca-cert.pem'),
    ASM_CA_KEY: readCaFixture('ca-key.pem'),
    ASM_ROOT_CERT: readCaFixture('root-cert.pem'),
    ASM_ROOT_KEY: readCaFixture('root-key.pem'),
    ASM_CERT_CHAIN: readCaFixture('cert-chain.pem')
  }
}
