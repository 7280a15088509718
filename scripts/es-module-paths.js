"use strict";
/*
 * Where the runtime's ES module build (dist/module/, for bundlers) imports io-ts and fp-ts from:
 * their own ES module builds, which a bundler resolving packages by their `main` field would not
 * pick (and those packages' CommonJS builds do not shake). scripts/build-package.js rewrites
 * dist/module with it; bench/measure/bundle.ts resolves the runtime's sources the same way to
 * measure what an app bundling the installed package gets.
 */

/** The ES module path for `specifier` (`io-ts` → `io-ts/es6/index.js`, `fp-ts/Either` → `fp-ts/es6/Either.js`), or undefined. */
function esModulePath(specifier) {
  if (specifier === "io-ts") return "io-ts/es6/index.js";
  const fp = /^fp-ts\/([A-Za-z]+)$/.exec(specifier);
  return fp === null ? undefined : `fp-ts/es6/${fp[1]}.js`;
}

/** `code` with every `from "…"` / `import "…"` of io-ts or fp-ts pointed at its ES module path. */
function esModulePaths(code) {
  return code.replace(/((?:from|import)\s*)"([^"]+)"/g, (whole, keyword, specifier) => {
    const path = esModulePath(specifier);
    return path === undefined ? whole : `${keyword}"${path}"`;
  });
}

module.exports = { esModulePath, esModulePaths };
