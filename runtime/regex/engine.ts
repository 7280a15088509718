/**
 * The slot through which patterns outside the literal fast path reach a linear-time engine.
 *
 * The general engine (re2js, {@link ./re2}) is 150 KB minified, most of an app bundle, and most
 * features never need it: the generator knows every pattern it emits, so the generated store
 * imports the engine only when one of them is outside the fast path, and `offline-features/runtime`
 * installs it for everyone else. Without an engine, a pattern that needs one is accepted at decode
 * and its bucket answers with a `REGEX_ENGINE_MISSING` error: never a silent non-match, never
 * JavaScript's backtracking RegExp on a pattern from a bundle.
 */
export interface RegexEngine {
  /** Names the engine in messages and in `CompiledPattern.engine`. */
  readonly name: string;
  /**
   * Compiles a pattern in RE2 syntax into an unanchored search (Rust's `Regex::is_match`) that runs
   * in time linear in its input. Throws an Error that says why for a pattern the engine refuses.
   */
  compile(pattern: string): (input: string) => boolean;
}

let installed: RegexEngine | undefined;

/**
 * Makes `engine` answer every pattern compiled from now on (features already compiled keep theirs).
 * `offline-features/runtime` installs re2js when it loads; `offline-features/runtime/lean` does not.
 */
export function installRegexEngine(engine: RegexEngine): void {
  installed = engine;
}

/** The installed engine, or undefined when only the literal fast path is available. */
export function installedRegexEngine(): RegexEngine | undefined {
  return installed;
}
