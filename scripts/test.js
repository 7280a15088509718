#!/usr/bin/env node
"use strict";
/*
 * `npm test`: the type check (`tsc --noEmit`), the generated-code drift check (`gen --check`) and
 * the jest suite, all three, failing when any fails. Arguments go to jest (`npm test -- test/dsl`).
 *
 * Why one script and not `tsc && gen --check && jest`: on a 2-core machine the three in a row
 * took 127 s, of which ~13 s were the checks running on one core while the other idled, and jest
 * itself leaves a core idle whenever its suites wait on a child process, a worker thread or a
 * timer. The checks run beside jest at a lower priority, so they take only the CPU jest leaves
 * unused; their output is printed whole after them, so it never interleaves with jest's.
 */
const { spawn } = require("node:child_process");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [ROOT] })), file);

/** A check run beside jest: its output kept until it ends. */
function check(name, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
    try {
      os.setPriority(child.pid, 10);
    } catch {
      // Not permitted here: it runs at normal priority, which is only slower.
    }
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code, signal) => resolve({ name, code: code ?? 1, signal, output }));
  });
}

function run() {
  const checks = [
    check("tsc --noEmit", [bin("typescript", "bin/tsc"), "--noEmit", "--incremental", "--tsBuildInfoFile", path.join("node_modules", ".cache", "offline-features", "tsc.tsbuildinfo")]),
    check("gen --check", [path.join(ROOT, "bin", "offline-features.js"), "gen", "--check"]),
  ];
  const jest = new Promise((resolve) => {
    const child = spawn(process.execPath, [bin("jest", "bin/jest.js"), ...process.argv.slice(2)], { cwd: ROOT, stdio: "inherit" });
    child.on("close", (code) => resolve(code ?? 1));
  });
  return Promise.all([Promise.all(checks), jest]).then(([results, jestCode]) => {
    let failed = jestCode !== 0;
    for (const result of results) {
      const ok = result.code === 0;
      if (!ok) failed = true;
      const text = result.output.trimEnd();
      process.stdout.write(`\n${result.name}: ${ok ? "passed" : `FAILED (exit ${result.signal ?? result.code})`}\n${text === "" ? "" : `${text}\n`}`);
    }
    if (jestCode !== 0) process.stdout.write(`\njest: FAILED (exit ${jestCode})\n`);
    return failed ? 1 : 0;
  });
}

run().then((code) => {
  process.exitCode = code;
});
