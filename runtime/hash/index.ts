/** Portable string hashing for sticky percentage rollouts. */
export { murmur3x86_32, unitInterval } from "./murmur3";
