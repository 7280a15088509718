/**
 * A parser with a one-entry memo. Context strings such as an app version or a timestamp repeat
 * from one evaluation to the next on a server (same client build, same request time), so
 * remembering the last text parsed avoids re-parsing, and re-allocating, on the hot path.
 */
export function lastParsed<T>(parse: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let lastResult: T;
  return (text) => {
    if (text !== lastText) {
      lastResult = parse(text);
      lastText = text;
    }
    return lastResult;
  };
}
