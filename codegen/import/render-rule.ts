import { absurd } from "fp-ts/function";
import type { Attribute } from "../../runtime/model/attribute";
import { isClassifier, type Classifier, type Scalar } from "../../runtime/model/classifier";
import { AMBIENT_KEYS } from "../../runtime/evaluate/context";

/*
 * Classifier trees as DSL source: `c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+"))`.
 * A node the typed DSL cannot express (PyOF accepts `hostname < 3`; the DSL's types do not) is
 * written as a raw rule, `new Rule({...})`, which builds the same model, so the round trip holds.
 */

/**
 * What an attribute yields, which decides the comparisons the DSL allows on it. PyOF's files hold
 * only its own vocabulary; the rest is imported as raw rules ("other"), which round-trip exactly.
 */
type Yields = "number" | "string" | "boolean" | "other";

/** The DSL names a rendering used, for the import declaration. */
export type UsedNames = Set<string>;

function yields(attribute: Attribute): Yields {
  switch (attribute.__type) {
    case "static.number":
    case "random.session":
    case "error":
    case "context.number":
      return "number";
    case "socket.hostname":
    case "context.string":
      return "string";
    case "context.boolean":
      return "boolean";
    case "random.unit":
    case "process.env":
    case "process.platform":
    case "time.now":
    case "context.version":
    case "process.node_version":
    case "context.timestamp":
      return "other";
    default:
      return absurd(attribute);
  }
}

/** The attribute as a DSL call, or undefined when the DSL cannot build it. */
function renderAttribute(attribute: Attribute, used: UsedNames): string | undefined {
  switch (attribute.__type) {
    case "static.number":
      used.add("staticNumber");
      return `staticNumber(${JSON.stringify(attribute.value)})`;
    case "socket.hostname":
      used.add("hostname");
      return "hostname()";
    case "random.session":
      used.add("sessionRandom");
      return "sessionRandom()";
    case "error":
      used.add("errorAttribute");
      return "errorAttribute()";
    case "context.string":
    case "context.number":
    case "context.boolean": {
      // The DSL refuses the ambient names as context keys; PyOF's JSON could still hold one.
      if ((AMBIENT_KEYS as readonly string[]).includes(attribute.name)) return undefined;
      used.add("ctx");
      return `ctx.${attribute.__type.slice("context.".length)}(${JSON.stringify(attribute.name)})`;
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

function comparison(fn: string, node: Classifier & { attribute: Attribute; value: Scalar }, ok: (y: Yields) => boolean, used: UsedNames): string {
  const attribute = ok(yields(node.attribute)) ? renderAttribute(node.attribute, new Set()) : undefined;
  if (attribute === undefined) return raw(node, used);
  renderAttribute(node.attribute, used);
  used.add(fn);
  return `${fn}(${attribute}, ${JSON.stringify(node.value)})`;
}

/** The classifier as DSL source; `used` collects the names to import. */
export function renderRule(node: Classifier, used: UsedNames): string {
  const numeric = (value: Scalar) => (y: Yields) => y === "number" && typeof value === "number";
  const sameType = (value: Scalar) => (y: Yields) => typeof value === y;
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
    case "re.match": {
      const attribute = yields(node.attribute) === "string" ? renderAttribute(node.attribute, used) : undefined;
      if (attribute === undefined) return raw(node, used);
      used.add("regex");
      return `regex(${attribute}, ${JSON.stringify(node.value)})`;
    }
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
