import type { Attribute } from "../../runtime/model/attribute";
import type { Classifier } from "../../runtime/model/classifier";
import { attributeView, classifierView } from "./index";
import type { AttributeDescribeKit, DescribeKit } from "./types";

/*
 * Rules in readable form, for the JSDoc of generated getters:
 * `all(sessionRandom < 0.1, hostname ~ /^len.+/)`. Each tag's text is in its view
 * (codegen/vocabulary/{classifiers,attributes}/<tag>.ts).
 */

/** A context key as a property access: `ctx.country`, `ctx["user.id"]`. */
function contextKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `ctx.${name}` : `ctx[${JSON.stringify(name)}]`;
}

const attributeKit: AttributeDescribeKit = { attribute: describeAttribute, contextKey };

/** An attribute in readable form. */
export function describeAttribute(attribute: Attribute): string {
  return attributeView(attribute).describe(attribute, attributeKit);
}

const ruleKit: DescribeKit = { rule: describeRule, attribute: describeAttribute, literal: (value) => JSON.stringify(value) };

/** A classifier in readable form. */
export function describeRule(rule: Classifier): string {
  return classifierView(rule).describe(rule, ruleKit);
}
