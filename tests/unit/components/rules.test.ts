import { describe, expect, it } from "vitest";
import { moveAmongSiblings, parentProblem, slugify } from "@/lib/components/rules";
import { SLUG_PATTERN } from "@/lib/validation/components";

describe("slugify", () => {
  it.each([
    ["Git push", "git-push"],
    ["Git push (EU)", "git-push-eu"],
    ["  Añadir — Überblick  ", "anadir-uberblick"],
    ["API v2.1", "api-v2-1"],
    ["***", ""],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    if (slug) expect(slug).toMatch(SLUG_PATTERN);
  });

  it("never ends with a dash after cutting to 100 characters", () => {
    const slug = slugify(`${"a".repeat(99)} b`);
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe("parentProblem: two levels, so no cycles", () => {
  const tree = [
    { id: 1, parentId: null },
    { id: 2, parentId: null },
    { id: 3, parentId: 1 },
  ];
  it("allows a system, or a sub-component under a system", () => {
    expect(parentProblem(tree, 3, null)).toBeNull();
    expect(parentProblem(tree, 3, 2)).toBeNull();
    expect(parentProblem(tree, null, 1)).toBeNull();
    expect(parentProblem(tree, 2, 1)).toBeNull();
  });
  it("refuses itself, a sub-component as parent, an unknown parent, and a system that has children", () => {
    expect(parentProblem(tree, 1, 1)).toMatch(/its own system/);
    expect(parentProblem(tree, 2, 3)).toMatch(/Only a system/);
    expect(parentProblem(tree, null, 3)).toMatch(/Only a system/);
    expect(parentProblem(tree, 2, 99)).toMatch(/does not exist/);
    expect(parentProblem(tree, 1, 2)).toMatch(/has sub-components/);
  });
});

describe("moveAmongSiblings", () => {
  it("swaps with the neighbour, and leaves the order at either end", () => {
    expect(moveAmongSiblings([5, 6, 7], 6, "up")).toEqual([6, 5, 7]);
    expect(moveAmongSiblings([5, 6, 7], 6, "down")).toEqual([5, 7, 6]);
    expect(moveAmongSiblings([5, 6, 7], 5, "up")).toEqual([5, 6, 7]);
    expect(moveAmongSiblings([5, 6, 7], 7, "down")).toEqual([5, 6, 7]);
    expect(moveAmongSiblings([5, 6, 7], 9, "up")).toEqual([5, 6, 7]);
  });
});
