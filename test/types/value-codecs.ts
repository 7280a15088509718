import { t } from "../../runtime";
import type { Banner } from "../fixtures/sample/features/welcome";

// Generated accessors type their value codec as a decoder of the getter's type, so a codec that
// admits a value the type does not is a compile error in generated code.
export const fits: t.Decoder<unknown, Banner> = t.type({ text: t.string, color: t.union([t.literal("blue"), t.literal("red"), t.literal("green")]) });

// @ts-expect-error a number text is not a Banner
export const wrongProperty: t.Decoder<unknown, Banner> = t.type({ text: t.number, color: t.literal("blue") });

// @ts-expect-error "purple" is not one of Banner's colors
export const wrongLiteral: t.Decoder<unknown, Banner> = t.type({ text: t.string, color: t.union([t.literal("blue"), t.literal("purple")]) });
