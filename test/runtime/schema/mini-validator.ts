/**
 * A JSON Schema (draft 2020-12) validator for exactly the keywords the feature schema uses, so the
 * tests need no extra package. It refuses any other keyword, so the schema cannot rely on a
 * keyword these tests do not check. Annotations (`title`, `description`, `format`, `examples`) are
 * ignored, as validators do by default.
 */

type Schema = boolean | { readonly [keyword: string]: unknown };

const ANNOTATIONS = new Set(["$schema", "$id", "title", "description", "format", "examples", "$defs"]);
const ASSERTIONS = new Set([
  "$ref", "type", "const", "properties", "required", "additionalProperties", "items", "minItems",
  "minLength", "maxLength", "pattern", "oneOf", "anyOf", "not",
]);

export class MiniValidator {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly root: Schema) {}

  /** The problems found, each as `path: what`; empty when `value` is valid. */
  validate(value: unknown): string[] {
    return this.check(this.root, value, "");
  }

  private check(schema: Schema, value: unknown, path: string): string[] {
    if (schema === true) return [];
    if (schema === false) return [`${path}: no value is allowed here`];
    for (const keyword of Object.keys(schema)) {
      if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) throw new Error(`the mini validator does not know the keyword ${keyword}`);
    }
    const s = schema as Record<string, unknown>;
    const errors: string[] = [];
    const fail = (what: string) => errors.push(`${path}: ${what}`);

    if (s.$ref !== undefined) errors.push(...this.check(this.resolve(s.$ref as string), value, path));
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => typeOf(value) === t)) fail(`expected ${types.join(" or ")}, found ${typeOf(value)}`);
    }
    if ("const" in s && !deepEqual(s.const, value)) fail(`expected ${JSON.stringify(s.const)}`);
    if (typeof value === "string") {
      const length = [...value].length;
      if (typeof s.minLength === "number" && length < s.minLength) fail(`shorter than ${s.minLength}`);
      if (typeof s.maxLength === "number" && length > s.maxLength) fail(`longer than ${s.maxLength}`);
      if (typeof s.pattern === "string" && !this.regex(s.pattern).test(value)) fail(`does not match ${s.pattern}`);
    }
    if (Array.isArray(value)) {
      if (typeof s.minItems === "number" && value.length < s.minItems) fail(`fewer than ${s.minItems} items`);
      if (s.items !== undefined) value.forEach((item, i) => errors.push(...this.check(s.items as Schema, item, `${path}[${i}]`)));
    }
    if (typeOf(value) === "object") {
      const record = value as Record<string, unknown>;
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      for (const key of (s.required ?? []) as string[]) if (!(key in record)) fail(`missing required ${key}`);
      for (const [key, item] of Object.entries(record)) {
        if (key in properties) errors.push(...this.check(properties[key]!, item, `${path}.${key}`));
        else if (s.additionalProperties !== undefined) errors.push(...this.check(s.additionalProperties as Schema, item, `${path}.${key}`));
      }
    }
    if (s.anyOf !== undefined && !(s.anyOf as Schema[]).some((sub) => this.check(sub, value, path).length === 0)) fail("matches none of anyOf");
    if (s.oneOf !== undefined) {
      const matching = (s.oneOf as Schema[]).filter((sub) => this.check(sub, value, path).length === 0).length;
      if (matching !== 1) fail(`matches ${matching} of oneOf, expected exactly 1`);
    }
    if (s.not !== undefined && this.check(s.not as Schema, value, path).length === 0) fail("matches the schema under not");
    return errors;
  }

  private resolve(ref: string): Schema {
    const match = /^#\/\$defs\/(.+)$/.exec(ref);
    const defs = (this.root as { $defs?: Record<string, Schema> }).$defs ?? {};
    const name = match?.[1]?.replace(/~1/g, "/").replace(/~0/g, "~");
    if (name === undefined || !(name in defs)) throw new Error(`unresolvable $ref ${ref}`);
    return defs[name]!;
  }

  private regex(source: string): RegExp {
    let r = this.patterns.get(source);
    if (r === undefined) this.patterns.set(source, (r = new RegExp(source, "u")));
    return r;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
