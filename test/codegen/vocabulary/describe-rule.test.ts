import { describeRule } from "../../../codegen/vocabulary/describe-rule";
import type { Classifier } from "../../../runtime";

const c = (rule: Classifier) => describeRule(rule);

test("the seed rules", () => {
  expect(
    c({
      __type: "bool.all",
      value: [
        { __type: "comparison.lt", attribute: { __type: "random.session" }, value: 0.1 },
        { __type: "re.match", attribute: { __type: "socket.hostname" }, value: "^len.+" },
      ],
    }),
  ).toBe("all(sessionRandom < 0.1, hostname ~ /^len.+/)");
  expect(c({ __type: "bool.all", value: [{ __type: "comparison.eq", attribute: { __type: "static.number", value: 3 }, value: 0.9 }] })).toBe("all(3 == 0.9)");
});

test("every operator and attribute", () => {
  const ctx = (name: string) => ({ __type: "context.string" as const, name });
  expect(c({ __type: "comparison.lte", attribute: { __type: "context.number", name: "age" }, value: 17 })).toBe("ctx.age <= 17");
  expect(c({ __type: "comparison.gt", attribute: { __type: "error" }, value: 1 })).toBe("error() > 1");
  expect(c({ __type: "comparison.gte", attribute: { __type: "context.number", name: "user.age" }, value: 18 })).toBe('ctx["user.age"] >= 18');
  expect(c({ __type: "comparison.ne", attribute: ctx("plan"), value: "free" })).toBe('ctx.plan != "free"');
  expect(c({ __type: "comparison.eq", attribute: { __type: "context.boolean", name: "vip" }, value: true })).toBe("ctx.vip == true");
  expect(c({ __type: "re.match", attribute: ctx("path"), value: "^/api/v1" })).toBe("ctx.path ~ /^\\/api\\/v1/");
  expect(c({ __type: "bool.any", value: [{ __type: "bool.none", value: { __type: "comparison.eq", attribute: ctx("a"), value: null } }, { __type: "bool.none", value: [0, ""] }] })).toBe(
    'any(not(ctx.a == null), not([0,""]))',
  );
  expect(c({ __type: "bool.all", value: [] })).toBe("always");
  expect(c({ __type: "bool.any", value: [] })).toBe("never");
});
