/**
 * The runtime (`offline-features/runtime`): decode PyOF-compatible JSON once, compile it to
 * closures, evaluate locally, every pattern in linear time. This is ./lean.ts plus re2js, installed
 * as the regex engine when this module loads, so a bundle loaded at run time may hold any pattern.
 */
export * from "./lean";
export { re2Engine } from "./re2";
