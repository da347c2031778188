// Whole-system tests: the built app in a child process, driven over HTTP and with Debian's Chromium.
export default {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/specs/**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
      },
    ],
  },
  testTimeout: 60000,
  // Each file boots its own app and database; two at a time fits a 2-core machine.
  maxWorkers: 2,
};
