import { EvaluationError } from "../../evaluate/details";
import type { Attribute } from "../../model/attribute";
import { PatternC } from "../../model/fields";
import { compilePattern, missingEngineProblem, type CompiledPattern } from "../../regex";
import { ref, type NodeSchema } from "../../schema/types";
import type { ClassifierDescriptor } from "../types";
import { AttributeRefC } from "../refs";
import { attributeTestCodec, attributeTestSchema, readsAttribute, type AttributeTest } from "./shapes/reads-attribute";

const tag = "re.match";

/**
 * `re.match`: an unanchored search over a string attribute, like PyOF's Rust `is_match`; the
 * pattern's own `^` anchors it. The regex is compiled here, once per load. False for a non-string
 * attribute. A pattern that needs a regex engine where none is installed fails its bucket with
 * `REGEX_ENGINE_MISSING` (runtime/regex/engine.ts).
 */
export const regex: ClassifierDescriptor<AttributeTest<typeof tag, Attribute, string>> = {
  tag,
  codec: attributeTestCodec(tag, AttributeRefC, PatternC),
  parts: readsAttribute(),
  compile: (node, scope) => {
    const missing = missingEngineProblem(node.value);
    if (missing !== undefined) {
      const error = scope.at("value").error("REGEX_ENGINE_MISSING", missing);
      return () => error;
    }
    const read = scope.at("attribute").attribute(node.attribute);
    let pattern: CompiledPattern;
    try {
      pattern = compilePattern(node.value);
    } catch (e) {
      // Decoded while no engine could check its syntax, refused by the engine installed since.
      const error = scope.at("value").error("ATTRIBUTE_ERROR", `${e instanceof Error ? e.message : String(e)} (the pattern was loaded while no regex engine was installed to check it)`);
      return () => error;
    }
    return (ctx) => {
      const a = read(ctx);
      if (typeof a === "string") return pattern.test(a);
      return a instanceof EvaluationError ? a : false;
    };
  },
};

/** The JSON Schema of `re.match` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const regexSchema = (): NodeSchema => attributeTestSchema("Unanchored regex search over a string attribute.", "attribute", ref("pattern"));
