import type { Attribute } from "../../runtime/model/attribute";
import type { Classifier } from "../../runtime/model/classifier";
import { attributeView, classifierView } from "../vocabulary";
import type { DslYield, RenderKit, UsedNames } from "../vocabulary/types";

/*
 * Classifier trees as DSL source: `c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+"))`.
 * Each tag's rendering is in its view (codegen/vocabulary/). A node the typed DSL cannot express
 * (PyOF accepts `hostname < 3`; the DSL's types do not) is written as a raw rule,
 * `new Rule({...})`, which builds the same model, so the round trip holds.
 */

export type { UsedNames } from "../vocabulary/types";

/** The classifier as DSL source; `used` collects the names to import. */
export function renderRule(node: Classifier, used: UsedNames): string {
  const raw = (): string => {
    used.add("Rule");
    return `new Rule(${JSON.stringify(node)})`;
  };
  const kit: RenderKit = {
    rule: (child) => renderRule(child, used),
    raw,
    use: (name) => used.add(name),
    call: (fn: string, attribute: Attribute, value: unknown, accepts: (yields: DslYield) => boolean) => {
      const dsl = attributeView(attribute).dsl(attribute);
      if (dsl === undefined || !accepts(dsl.yields)) return raw();
      used.add(dsl.name);
      used.add(fn);
      return `${fn}(${dsl.call}, ${JSON.stringify(value)})`;
    },
  };
  return classifierView(node).render(node, kit);
}
