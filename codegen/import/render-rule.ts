import { absurd } from "fp-ts/function";
import type { Attribute } from "../../runtime/model/attribute";
import { isClassifier, type Classifier, type Scalar } from "../../runtime/model/classifier";
import { AMBIENT_KEYS } from "../../runtime/evaluate/context";

/*
 * Classifier trees as DSL source: `c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+"))`.
 * A node the typed DSL cannot express (PyOF accepts `hostname < 3`; the DSL's types do not) is
 * written as a raw rule, `new Rule({...})`, which builds the same model, so the round trip holds.
 */

/** The DSL names a rendering used, for the import declaration. */
export type UsedNames = Set<string>;

/**
 * An attribute as a DSL call: the source, the DSL name it calls, and what it yields (which decides
 * the comparisons the DSL's types allow on it). Undefined when the typed DSL cannot build it: PyOF's
 * files hold only its own vocabulary, and the rest is imported as raw rules, which round-trip exactly.
 */
interface DslAttribute {
  readonly call: string;
  readonly name: string;
  readonly yields: "number" | "string" | "boolean";
}

function dslAttribute(attribute: Attribute): DslAttribute | undefined {
  switch (attribute.__type) {
    case "static.number":
      return { call: `staticNumber(${JSON.stringify(attribute.value)})`, name: "staticNumber", yields: "number" };
    case "socket.hostname":
      return { call: "hostname()", name: "hostname", yields: "string" };
    case "random.session":
      return attribute.salt === undefined ? { call: "sessionRandom()", name: "sessionRandom", yields: "number" } : undefined;
    case "error":
      return { call: "errorAttribute()", name: "errorAttribute", yields: "number" };
    case "context.string":
    case "context.number":
    case "context.boolean": {
      // The DSL refuses reserved names as context keys; PyOF's JSON could still hold one.
      if ((AMBIENT_KEYS as readonly string[]).includes(attribute.name)) return undefined;
      const kind = attribute.__type.slice("context.".length) as DslAttribute["yields"];
      return { call: `ctx.${kind}(${JSON.stringify(attribute.name)})`, name: "ctx", yields: kind };
    }
    case "random.unit":
    case "process.env":
    case "process.platform":
    case "time.now":
    case "context.version":
    case "process.node_version":
    case "context.timestamp":
      return undefined;
    default:
      return absurd(attribute);
  }
}

function raw(node: Classifier, used: UsedNames): string {
  used.add("Rule");
  return `new Rule(${JSON.stringify(node)})`;
}

function comparison(fn: string, node: Classifier & { attribute: Attribute; value: Scalar }, ok: (y: DslAttribute["yields"]) => boolean, used: UsedNames): string {
  const attribute = dslAttribute(node.attribute);
  if (attribute === undefined || !ok(attribute.yields)) return raw(node, used);
  used.add(attribute.name);
  used.add(fn);
  return `${fn}(${attribute.call}, ${JSON.stringify(node.value)})`;
}

/** The classifier as DSL source; `used` collects the names to import. */
export function renderRule(node: Classifier, used: UsedNames): string {
  const numeric = (value: Scalar) => (y: DslAttribute["yields"]) => y === "number" && typeof value === "number";
  const sameType = (value: Scalar) => (y: DslAttribute["yields"]) => typeof value === y;
  switch (node.__type) {
    case "bool.all":
      used.add("c");
      return node.value.length === 0 ? "c.always()" : `c.all(${node.value.map((n) => renderRule(n, used)).join(", ")})`;
    case "bool.any":
      used.add("c");
      return `c.any(${node.value.map((n) => renderRule(n, used)).join(", ")})`;
    case "bool.none":
      used.add("c");
      return isClassifier(node.value) ? `c.not(${renderRule(node.value, used)})` : `c.notLiteral(${JSON.stringify(node.value)})`;
    case "comparison.lt":
      return comparison("lt", node, numeric(node.value), used);
    case "comparison.lte":
      return comparison("le", node, numeric(node.value), used);
    case "comparison.gt":
      return comparison("gt", node, numeric(node.value), used);
    case "comparison.gte":
      return comparison("ge", node, numeric(node.value), used);
    case "comparison.eq":
      return comparison("eq", node, sameType(node.value), used);
    case "comparison.ne":
      return comparison("ne", node, sameType(node.value), used);
    case "re.match":
      return comparison("regex", node, (y) => y === "string", used);
    // Not in PyOF's vocabulary: kept exact as raw rules.
    case "comparison.in":
    case "comparison.notin":
    case "str.startswith":
    case "str.endswith":
    case "str.contains":
    case "semver.lt":
    case "semver.lte":
    case "semver.gt":
    case "semver.gte":
    case "semver.eq":
    case "time.before":
    case "time.after":
    case "feature.in_bucket":
      return raw(node, used);
    default:
      return absurd(node);
  }
}
