import { terminalProgress } from "../../../codegen/cli/progress";

test("the progress display redraws one line on large runs, stays silent on small ones, and clears itself", () => {
  const written: string[] = [];
  const stream = { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  const { listener, done } = terminalProgress(stream);
  listener("loading", 1, 10);
  listener("loading", 10, 10);
  expect(written).toEqual([]);
  listener("loading", 1, 1000);
  listener("loading", 2, 1000); // within 100 ms of the last redraw: skipped
  listener("loading", 1000, 1000); // the last one always shows
  done();
  expect(written).toEqual(["\r\x1b[Kloading 1/1000", "\r\x1b[Kloading 1000/1000", "\r\x1b[K"]);
});
