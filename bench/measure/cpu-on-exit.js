"use strict";
/*
 * Preloaded (`node -r`) into a measured child process: on exit, prints the process's own CPU time
 * (user + system, ms) to stderr as `bench-cpu-ms <n>`, so a busy shared machine's wait for a core
 * can be told apart from the work itself.
 */
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nbench-cpu-ms ${((user + system) / 1000).toFixed(1)}\n`);
});
