/**
 * What was thrown, as text, without risking a second throw: a hostile context can throw an object
 * whose `toString` throws too, and a getter must still never throw.
 */
export function describeThrown(thrown: unknown): string {
  try {
    return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  } catch {
    return "a value that cannot be printed";
  }
}
