#!/usr/bin/env node
"use strict";
/*
 * Where `npm test`'s jest time goes: reads the report of `npx jest --json --outputFile=FILE` and
 * prints the suites slowest first, each with its wall time, the part spent outside its tests
 * (loading modules, beforeAll, work in describe bodies or at module level) and its slowest tests.
 *
 *   npx jest --json --outputFile=/tmp/jest.json && node scripts/test-durations.js /tmp/jest.json [suites] [tests]
 *
 * Why the "outside" column: a suite whose tests take milliseconds can still take seconds (a child
 * process started in a describe body, a generator run in beforeAll, an arbitrary built at module
 * level), and --verbose shows only the tests. Jest's times are wall times: with two workers on two
 * cores they double under load, so compare suites within one run, not across runs.
 */
const fs = require("node:fs");
const path = require("node:path");

const [file, suitesArg = "25", testsArg = "3"] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write("usage: node scripts/test-durations.js JEST_JSON [suites=25] [tests per suite=3]\n");
  process.exit(2);
}
const report = JSON.parse(fs.readFileSync(file, "utf8"));
const root = process.cwd() + path.sep;
const seconds = (ms) => (ms / 1000).toFixed(1).padStart(6);

const suites = report.testResults
  .map((suite) => {
    const tests = suite.assertionResults.map((t) => ({ name: t.fullName, ms: t.duration ?? 0 })).sort((a, b) => b.ms - a.ms);
    const ms = suite.endTime - suite.startTime;
    return { name: suite.name.startsWith(root) ? suite.name.slice(root.length) : suite.name, ms, outside: ms - tests.reduce((sum, t) => sum + t.ms, 0), tests };
  })
  .sort((a, b) => b.ms - a.ms);

const total = suites.reduce((sum, s) => sum + s.ms, 0);
const outside = suites.reduce((sum, s) => sum + s.outside, 0);
const wall = Math.max(...report.testResults.map((s) => s.endTime)) - report.startTime;
process.stdout.write(`${suites.length} suites, ${seconds(total).trim()} s summed over the workers (${seconds(outside).trim()} s outside tests); wall ${seconds(wall).trim()} s\n`);
process.stdout.write(`${"suite".padStart(6)} ${"outside".padStart(7)}\n`);
for (const suite of suites.slice(0, Number(suitesArg))) {
  process.stdout.write(`${seconds(suite.ms)} ${seconds(suite.outside).padStart(7)}  ${suite.name}\n`);
  for (const t of suite.tests.slice(0, Number(testsArg))) if (t.ms >= 100) process.stdout.write(`${"".padStart(15)}${seconds(t.ms)}  ${t.name.slice(0, 110)}\n`);
}
