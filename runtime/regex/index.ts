/**
 * Regular expressions in linear time with PyOF's (RE2) syntax: every `re.match` pattern compiles
 * here, once, at load. The general engine is not imported here: see ./engine.ts and ./re2.ts.
 */
export { compilePattern, patternProblem, missingEngineProblem, needsRegexEngine, MAX_PATTERN_LENGTH } from "./pattern";
export type { CompiledPattern } from "./pattern";
export { installRegexEngine, installedRegexEngine, type RegexEngine } from "./engine";
export { literalPattern } from "./literal";
export type { LiteralPattern, LiteralAnchor } from "./literal";
