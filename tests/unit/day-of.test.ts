import { describe, expect, it } from "vitest";
import { dayOf } from "../../app/domain/format.ts";

describe("the day in the Netherlands", () => {
  it("turns at midnight Amsterdam time, in winter and in summer, also when asked in turn about different moments", () => {
    const cases: [string, string][] = [
      ["2026-01-14T22:59:59.999Z", "2026-01-14"], // 23:59:59 CET
      ["2026-01-14T23:00:00.000Z", "2026-01-15"], // midnight CET
      ["2026-07-01T21:59:59.999Z", "2026-07-01"], // 23:59:59 CEST
      ["2026-07-01T22:00:00.000Z", "2026-07-02"], // midnight CEST
      ["2026-03-29T00:59:00.000Z", "2026-03-29"], // the night the clocks go forward
    ];
    for (let round = 0; round < 2; round++) for (const [instant, day] of cases) expect(dayOf(new Date(instant))).toBe(day);
  });

  it("is today by default, and refuses a moment that is not one", () => {
    expect(dayOf()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => dayOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});
