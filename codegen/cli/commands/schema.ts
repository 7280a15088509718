import type { CliCommand } from "./command";

/** `offline-features schema`: the JSON Schema of the feature format. */
export const schemaCommand: CliCommand = {
  name: "schema",
  description: "print the JSON Schema of the feature JSON format (gen also writes generated/schema.json)",
  needs: [],
  configure() {},
  async run({ io }) {
    // The runtime's schema only: no generator, no toolchain.
    const { featureJsonSchema } = await import("../../../runtime/schema");
    io.out(JSON.stringify(featureJsonSchema(), null, 2));
    return 0;
  },
};
