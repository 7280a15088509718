/** File-system helpers shared by the runtime and the generator: atomic writes and tolerant reads. */
export { processAlive, writeFileAtomic, writeFileAtomicAsync, writeFilesAtomic } from "./atomic-write";
export { readIfExists, readIfExistsAsync } from "./read-if-exists";
