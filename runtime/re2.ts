/**
 * `offline-features/runtime/re2`: importing it installs re2js as the regex engine (see
 * runtime/regex/engine.ts). `offline-features/runtime` imports it; a generated store imports it
 * next to `offline-features/runtime/lean` when one of its patterns is outside the literal fast path.
 */
import { installRegexEngine } from "./regex/engine";
import { re2Engine } from "./regex/re2";

installRegexEngine(re2Engine);

export { re2Engine };
