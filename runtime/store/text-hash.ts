import { createHash } from "node:crypto";

/*
 * The cheapest way to check a bundle's hash: hash its features as written. The generator's
 * compact bundle (and any server that sends `JSON.stringify(encodeBundle(…))`) ends with
 * `"features":{…}}`, and the text between is, byte for byte, the compact canonical JSON that
 * {@link bundleHash} hashes. So one SHA-256 over that slice of the text, with no re-encoding and no
 * stringify of the parsed features, confirms the declared hash. When it does not (a pretty-printed
 * bundle, other key order, a feature edited by hand), the caller checks the parsed content as
 * before, so this can only accept earlier, never refuse.
 *
 * Why a matching digest means the slice is the features member: the slice runs from just after
 * the first `"features":` to the document's last `}`, and its digest matches only the text its
 * writer hashed, which for any writer following the definition is one complete JSON object. An
 * object that starts at a value position and ends one character before the end of the top-level
 * object is that object's last member. A first `"features":` met inside an earlier member (a key
 * ending in `\"features`, a nested object) makes the slice span that member's end and the members
 * after it: not one object, so not a text hashed by the definition, and an accidental edit cannot
 * produce a matching digest. (A writer could hash some other slice on purpose; it could as well
 * write the right hash: the hash guards against edits and truncation, it does not authenticate.)
 */

const FEATURES_KEY = '"features":';

/** True for the whitespace JSON allows after a document (space, tab, line feed, carriage return). */
const isJsonSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/**
 * True when `declared` (`sha256:<hex>`) is the SHA-256 of the bundle text's features member as
 * written, wrapped as {@link bundleHash} wraps it for an environment. Only for text that parsed as
 * a bundle; false whenever the slice cannot be found or does not match.
 */
export function featuresTextMatches(text: string, declared: string, environment: string | undefined): boolean {
  const key = text.indexOf(FEATURES_KEY);
  if (key < 0) return false;
  let end = text.length - 1;
  while (end > key && isJsonSpace(text.charCodeAt(end))) end--;
  // The document's closing brace, and the features object's own just before it.
  if (text.charCodeAt(end) !== 0x7d || text.charCodeAt(end - 1) !== 0x7d) return false;
  const start = key + FEATURES_KEY.length;
  if (text.charCodeAt(start) !== 0x7b) return false;
  const hash = createHash("sha256");
  if (environment !== undefined) hash.update(`{"environment":${JSON.stringify(environment)},"features":`);
  hash.update(text.slice(start, end));
  if (environment !== undefined) hash.update("}");
  return `sha256:${hash.digest("hex")}` === declared;
}
