/** Portable string hashing for sticky percentage rollouts. */
export { murmur3x86_32, murmur3Prefix, murmur3Continue, unitInterval, unitIntervalAfter } from "./murmur3";
export type { Murmur3Prefix } from "./murmur3";
