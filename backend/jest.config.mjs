// Native-ESM jest (NestJS 12 ships ESM only); swc strips types and keeps decorator metadata.
export default {
  testEnvironment: 'node',
  rootDir: 'src',
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
    '/content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  // Jest's module runtime cannot require() an ES module on Node 20 (Node itself can), and
  // @fastify/static requires content-disposition 3, which is ESM only: jest gets it as CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(?:.+/)?content-disposition/)'],
  testTimeout: 30000,
};
