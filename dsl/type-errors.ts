/*
 * Compile-time checks of the DSL that explain themselves. A misuse makes a parameter's type a
 * `DslError<"...">`, so the compiler's message quotes the problem ("bucket name 'fr' is already
 * used", "value.onClick is a function, not JSON") instead of saying "not assignable to never".
 */

declare const dslError: unique symbol;

/**
 * A type no value has, carrying a message. It appears in a compile error as
 * `... is not assignable to parameter of type 'DslError<"the bucket name 'default' is reserved">'`.
 */
export interface DslError<Message extends string> {
  readonly [dslError]: Message;
}

/**
 * What a value may be before its JSON-compatibility is checked. Listing the primitive types keeps
 * a top-level literal literal (`"gold"`, `42`, `true`) while TypeScript widens the literals inside
 * objects and arrays, exactly as it types an ordinary `const` (`{ pageSize: number; facets: string[] }`).
 * `undefined`, `bigint` and `symbol` are listed so that they reach {@link JsonCheck} and get its message.
 */
export type ValueCandidate = string | number | boolean | bigint | symbol | null | undefined | object;

/** Levels of nesting checked; deeper parts (recursive types such as trees) are taken as they are. */
type Depth = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
type KeyText<K> = K extends string ? K : K extends number ? `${K}` : "?";

/** Classes whose instances look like objects to the type checker but do not survive JSON. */
type NonPlainObject = ReadonlyMap<unknown, unknown> | ReadonlySet<unknown> | WeakMap<object, unknown> | WeakSet<object> | RegExp | Promise<unknown> | Error;

/**
 * Why `T` (found at path `P`) is not JSON, as a union of messages, or never when it is JSON.
 * An optional property may be absent (JSON leaves it out); a required `undefined` may not.
 * `any` passes (nothing is known), `unknown` does not (nothing is promised).
 */
type NotJson<T, P extends string, D extends number> = [D] extends [never]
  ? never
  : 0 extends 1 & T
    ? never
    : unknown extends T
      ? `${P} has type unknown, which may not be JSON`
      : T extends string | number | boolean | null
        ? never
        : T extends undefined
          ? `${P} is undefined, which JSON cannot hold (leave the property out, or use null)`
          : T extends bigint
            ? `${P} is a bigint, which JSON cannot hold (use a number or a string)`
            : T extends symbol
              ? `${P} is a symbol, which JSON cannot hold`
              : T extends Function
                ? `${P} is a function, which JSON cannot hold`
                : T extends Date
                  ? `${P} is a Date, which JSON cannot hold (use an ISO 8601 string or epoch milliseconds)`
                  : T extends NonPlainObject
                    ? `${P} is a class instance, not a plain JSON object`
                    : T extends readonly (infer E)[]
                      ? NotJson<E, `${P}[]`, Depth[D]>
                      : T extends object
                        ? {
                            [K in keyof T]-?: K extends symbol
                              ? `${P} has a symbol key, which JSON cannot hold`
                              : NotJson<{} extends Pick<T, K> ? Exclude<T[K], undefined> : T[K], `${P}.${KeyText<K>}`, Depth[D]>;
                          }[keyof T]
                        : `${P} is not JSON`;

/** `unknown` when `T` is JSON, else a {@link DslError} naming each property that is not. */
export type JsonCheck<T, Where extends string = "value"> = [NotJson<T, Where, 11>] extends [never]
  ? unknown
  : NotJson<T, Where, 11> extends infer M extends string
    ? DslError<`${M}`>
    : never;

/**
 * The parameter type of a bucket value or default: the value itself when it is JSON, else a type
 * whose name is the problem. (`undefined & DslError` would collapse to `never`, so it is spelled out.)
 */
export type JsonArgument<X> = [X] extends [undefined] ? DslError<"value is undefined, which JSON cannot hold (use null)"> : X & JsonCheck<X>;
