import { HEADER_MARK } from "../generated-files";
import { GEN_COMMAND } from "../../cli/options";

/** The first line of a generated TypeScript file: `// DO NOT EDIT. Generated from features/test.ts by \`npm run gen\`.` */
export function header(from: string): string {
  return `${HEADER_MARK} from ${from} by \`${GEN_COMMAND}\`.`;
}

/** The same note for JSON, which has no comments (the bundle's `generated` field). */
export function jsonNote(from: string): string {
  return header(from).replace(/^\/\/ /, "");
}

/** Text safe inside a JSDoc comment: `*\/` cannot end it early. */
export function docText(text: string): string {
  return text.replace(/\*\//g, "*\\/");
}

/** A JSON value on one line for docs, cut at `max` characters. */
export function shortJson(value: unknown, max = 100): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
