// The snapshot's shared reads: one read per key inside a scope, none shared outside, and a scope that
// ends (and may switch the async context tracking off) never cuts short another one still running.
import { describe, expect, it } from "vitest";
import { shared, withSharedReads } from "@/lib/public/read";

describe("withSharedReads", () => {
  it("reads each key once inside a scope and every time outside one", async () => {
    let calls = 0;
    const read = () => Promise.resolve(++calls);
    const inside = await withSharedReads(async () => [await shared("components", read), await shared("components", read)]);
    expect(inside).toEqual([1, 1]);
    expect(await shared("components", read)).toBe(2);
    expect(await shared("components", read)).toBe(3);
  });

  it("keeps sharing in a scope while an overlapping one ends", async () => {
    let calls = 0;
    const read = () => Promise.resolve(++calls);
    let endFirst!: () => void;
    const first = withSharedReads(() => new Promise<void>((resolve) => (endFirst = resolve)));
    const second = await withSharedReads(async () => {
      const before = await shared("brand", read);
      endFirst();
      await first;
      return [before, await shared("brand", read)];
    });
    expect(second).toEqual([1, 1]);
  });

  it("shares again in a scope that starts after all have ended", async () => {
    let calls = 0;
    const read = () => Promise.resolve(++calls);
    await withSharedReads(() => shared("active", read));
    const again = await withSharedReads(async () => [await shared("active", read), await shared("active", read)]);
    expect(again).toEqual([2, 2]);
  });
});
