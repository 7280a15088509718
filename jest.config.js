/**
 * Type-checking is done once by `tsc --noEmit` in `npm test`, so ts-jest only transpiles
 * (isolatedModules in tsconfig.json): the suite stays fast on a 2-core CI machine.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  // Two workers on this 2-core machine (jest's default is cores - 1 = one): the slow suites wait on
  // worker threads and child processes, so two files in flight finish sooner than one.
  maxWorkers: 2,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The consumer test packs and installs the package: its own script, `npm run test:package`.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/package/"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
  },
  moduleFileExtensions: ["ts", "js", "json"],
};
