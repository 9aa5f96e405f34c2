/** Jest 30 + ts-jest in ESM mode; type-checking is `tsc --noEmit` (isolatedModules transpiles only). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.check.json' }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // build/ holds compiled scripts (npm run demo, bench) with their own package.json.
  modulePathIgnorePatterns: ['<rootDir>/build/'],
  testTimeout: 60000,
  // Most suites wait on child processes and loopback sockets, not the CPU: overlap them on 2 cores.
  maxWorkers: 3,
  verbose: false
}
