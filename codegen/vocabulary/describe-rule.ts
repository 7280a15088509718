import { absurd } from "fp-ts/function";
import type { Attribute } from "../../runtime/model/attribute";
import { isClassifier, type Classifier, type NoneLiteral } from "../../runtime/model/classifier";
import { ENVIRONMENT_VARIABLE } from "../../runtime/store/environment";

/*
 * Rules in readable form, for the JSDoc of generated getters:
 * `all(sessionRandom < 0.1, hostname ~ /^len.+/)`.
 */

/** A context key as a property access: `ctx.country`, `ctx["user.id"]`. */
function contextKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `ctx.${name}` : `ctx[${JSON.stringify(name)}]`;
}

/** An attribute in readable form. */
export function describeAttribute(attribute: Attribute): string {
  switch (attribute.__type) {
    case "static.number":
      return String(attribute.value);
    case "socket.hostname":
      return "hostname";
    case "random.session":
      return attribute.salt === undefined ? "sessionRandom" : `sessionRandom(${JSON.stringify(attribute.salt)})`;
    case "random.unit":
      return `unitRandom(${describeAttribute(attribute.attribute)}${attribute.salt === undefined ? "" : `, ${JSON.stringify(attribute.salt)}`})`;
    case "process.env":
      return attribute.name === ENVIRONMENT_VARIABLE ? "environment" : `env.${attribute.name}`;
    case "process.platform":
      return "platform";
    case "process.node_version":
      return "nodeVersion";
    case "time.now":
      return "now";
    case "context.version":
    case "context.timestamp":
      return contextKey(attribute.name);
    case "error":
      return "error()";
    case "context.string":
    case "context.number":
    case "context.boolean":
      return contextKey(attribute.name);
    default:
      return absurd(attribute);
  }
}

function literal(value: NoneLiteral): string {
  return JSON.stringify(value);
}

/** A classifier in readable form. */
export function describeRule(rule: Classifier): string {
  switch (rule.__type) {
    case "bool.all":
      return rule.value.length === 0 ? "always" : `all(${rule.value.map(describeRule).join(", ")})`;
    case "bool.any":
      return rule.value.length === 0 ? "never" : `any(${rule.value.map(describeRule).join(", ")})`;
    case "bool.none":
      return `not(${isClassifier(rule.value) ? describeRule(rule.value) : literal(rule.value)})`;
    case "comparison.lt":
      return `${describeAttribute(rule.attribute)} < ${literal(rule.value)}`;
    case "comparison.lte":
      return `${describeAttribute(rule.attribute)} <= ${literal(rule.value)}`;
    case "comparison.gt":
      return `${describeAttribute(rule.attribute)} > ${literal(rule.value)}`;
    case "comparison.gte":
      return `${describeAttribute(rule.attribute)} >= ${literal(rule.value)}`;
    case "comparison.eq":
      return `${describeAttribute(rule.attribute)} == ${literal(rule.value)}`;
    case "comparison.ne":
      return `${describeAttribute(rule.attribute)} != ${literal(rule.value)}`;
    case "re.match":
      return `${describeAttribute(rule.attribute)} ~ /${rule.value.replace(/\//g, "\\/")}/`;
    case "comparison.in":
      return `${describeAttribute(rule.attribute)} in ${JSON.stringify(rule.value)}`;
    case "comparison.notin":
      return `${describeAttribute(rule.attribute)} not in ${JSON.stringify(rule.value)}`;
    case "str.startswith":
      return `${describeAttribute(rule.attribute)} starts with ${JSON.stringify(rule.value)}`;
    case "str.endswith":
      return `${describeAttribute(rule.attribute)} ends with ${JSON.stringify(rule.value)}`;
    case "str.contains":
      return `${describeAttribute(rule.attribute)} contains ${JSON.stringify(rule.value)}`;
    case "semver.lt":
      return `${describeAttribute(rule.attribute)} < version ${rule.value}`;
    case "semver.lte":
      return `${describeAttribute(rule.attribute)} <= version ${rule.value}`;
    case "semver.gt":
      return `${describeAttribute(rule.attribute)} > version ${rule.value}`;
    case "semver.gte":
      return `${describeAttribute(rule.attribute)} >= version ${rule.value}`;
    case "semver.eq":
      return `${describeAttribute(rule.attribute)} == version ${rule.value}`;
    case "time.before":
      return `${describeAttribute(rule.attribute)} before ${rule.value}`;
    case "time.after":
      return `${describeAttribute(rule.attribute)} at or after ${rule.value}`;
    case "feature.in_bucket":
      return `feature ${rule.feature} in ${JSON.stringify(rule.value)}`;
    default:
      return absurd(rule);
  }
}
