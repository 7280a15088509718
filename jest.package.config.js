/**
 * The consumer test (test/package/): `npm pack`, install into a temporary app, gen, tsc, node, and a
 * production install. `npm run test:package`; CI runs it after `npm test` (it installs from the
 * registry twice, too slow for npm test's 2-minute budget).
 * @type {import('jest').Config}
 */
module.exports = {
  ...require("./jest.config.js"),
  roots: ["<rootDir>/test/package"],
  testPathIgnorePatterns: [],
};
