import { SourceError, type BundleSource, type SourceSink } from "./source";

/**
 * The bundle generated with the code (`generated/features.json`), which the generated store loads
 * before any source is connected: today's default, as a source. Connecting it reloads that bundle
 * (undoing a `store.replace`) and is ready at once. Given `bundle`, that bundle instead.
 */
export function embedded(bundle?: unknown): BundleSource {
  return {
    name: "embedded",
    start(sink: SourceSink): void {
      const chosen = bundle ?? sink.embedded;
      if (chosen === undefined) sink.failed(new SourceError("embedded", "the store was built without a bundle; pass one to embedded(bundle)"));
      else sink.offer(chosen);
    },
    close: () => Promise.resolve(),
  };
}
