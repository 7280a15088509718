import * as t from "io-ts";
import { ScalarC, type NoneLiteral } from "./fields";

/*
 * `bool.none`'s literal: a scalar, or a list of scalars and lists nested to any depth. The
 * recursive io-ts codec this replaces (`t.recursion` over `t.array`) made one nested call per level
 * of the list, so the input chose how deep the stack went. This one validates with an explicit
 * stack of the lists being read, in the same depth-first order. An error carries the context io-ts
 * built (each item under its index, typed as this codec), so error paths and messages are
 * unchanged: each item that is not a scalar or a list fails with ScalarC's message at its own path.
 * Unlike io-ts, a context is built only for an item that fails: io-ts contexts are flat arrays
 * copied at every level, so building one per item made a deep list quadratic in memory.
 */

/** A list being read: its items and the next index. */
interface OpenList {
  readonly items: readonly unknown[];
  next: number;
}

/**
 * Depth-first over `root`'s items with an explicit stack. `visit` sees each item that is not a
 * list, with a function that builds its context under `context` (call it before returning: it
 * reads the stack); it returns false to stop. A list
 * that contains itself (only possible in a value built in code, never in parsed JSON) is reported
 * to `cycle` and not entered again.
 */
function forEachItem(root: readonly unknown[], context: t.Context, visit: (item: unknown, contextOf: () => t.Context) => boolean, cycle: (item: unknown, contextOf: () => t.Context) => boolean): void {
  const stack: OpenList[] = [{ items: root, next: 0 }];
  // What io-ts's appendContext built level by level, in one copy: each open list under its index,
  // then the item being visited (the last one read from the top list).
  const contextOf = (): t.Context => {
    const entries = context.slice();
    for (let level = 1; level < stack.length; level++) entries.push({ key: String(stack[level - 1]!.next - 1), type: NoneLiteralC, actual: stack[level]!.items });
    const top = stack[stack.length - 1]!;
    entries.push({ key: String(top.next - 1), type: NoneLiteralC, actual: top.items[top.next - 1] });
    return entries;
  };
  // The lists open on the stack, kept only once a list nests another (most literals are flat).
  let open: Set<readonly unknown[]> | undefined;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.items.length) {
      open?.delete(top.items);
      stack.pop();
      continue;
    }
    const item = top.items[top.next++];
    if (!Array.isArray(item)) {
      if (!visit(item, contextOf)) return;
      continue;
    }
    open ??= new Set(stack.map((s) => s.items));
    if (open.has(item)) {
      if (!cycle(item, contextOf)) return;
      continue;
    }
    open.add(item);
    stack.push({ items: item, next: 0 });
  }
}

function isNoneLiteral(u: unknown): u is NoneLiteral {
  if (!Array.isArray(u)) return ScalarC.is(u);
  let ok = true;
  forEachItem(u, [], (item) => (ok = ScalarC.is(item)), () => (ok = false));
  return ok;
}

function validateNoneLiteral(u: unknown, c: t.Context): t.Validation<NoneLiteral> {
  if (!Array.isArray(u)) return ScalarC.validate(u, c);
  const errors: t.ValidationError[] = [];
  forEachItem(
    u,
    c,
    (item, contextOf) => {
      if (ScalarC.is(item)) return true;
      const result = ScalarC.validate(item, contextOf());
      if (result._tag === "Left") errors.push(...result.left);
      return true;
    },
    (item, contextOf) => {
      errors.push({ value: item, context: contextOf(), message: "a list that contains itself (a literal must be finite JSON)" });
      return true;
    },
  );
  // Scalars pass through unchanged, so a valid list is returned as is (as io-ts's t.array did).
  return errors.length > 0 ? t.failures(errors) : t.success(u as NoneLiteral);
}

/** io-ts codec for {@link NoneLiteral}, validated without recursion (see the note above). */
export const NoneLiteralC: t.Type<NoneLiteral, NoneLiteral, unknown> = new t.Type<NoneLiteral, NoneLiteral, unknown>("NoneLiteral", isNoneLiteral, validateNoneLiteral, t.identity);
