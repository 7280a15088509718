import { AMBIENT_KEYS } from "../../../runtime/evaluate/context";
import type { DslAttribute, DslYield } from "../types";

/** `ctx.string("country")` and its kin; undefined for a reserved name, which the DSL refuses as a context key (PyOF's JSON could still hold one). */
export function contextCall(kind: DslYield, name: string): DslAttribute | undefined {
  if ((AMBIENT_KEYS as readonly string[]).includes(name)) return undefined;
  return { call: `ctx.${kind}(${JSON.stringify(name)})`, name: "ctx", yields: kind };
}
