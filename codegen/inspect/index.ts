/**
 * The commands that look at features without writing generated files: `lint` (everything `gen`
 * checks), `explain <feature>` (rules and exact traffic shares) and `schema` (the JSON Schema).
 */
export * from "./lint-command";
export * from "./explain";
export * from "./schema-text";
