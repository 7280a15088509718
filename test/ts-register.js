"use strict";
// `node -r test/ts-register.js child.ts`: a child process runs TypeScript the way the bin and the
// generator's workers do (ts-node, transpile-only, behind the transpile cache of codegen/ts-loader.js).
require("../codegen/ts-loader.js").registerTypeScript();
