/**
 * Regular expressions in linear time with PyOF's (RE2) syntax: every `re.match` pattern compiles
 * here, once, at load.
 */
export { compilePattern, patternProblem, MAX_PATTERN_LENGTH } from "./pattern";
export type { CompiledPattern } from "./pattern";
export { literalPattern } from "./literal";
export type { LiteralPattern, LiteralAnchor } from "./literal";
