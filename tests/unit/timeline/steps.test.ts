// The post-by-post steps (lib/timeline/steps.ts) against the definition they replace: for random
// seeded timelines — incidents and maintenance, ties, re-opening after Resolved, posts dated after
// `now` — each step's states equal currentStates over the incident cut before and after that post.
import { describe, expect, it } from "vitest";
import { currentStates, postSteps, sortPosts, type PostType, type TimelineIncident, type TimelinePost } from "@/lib/timeline";
import { seededRandom, type SeededRandom } from "../../support/seeded-random";
import { API, COMPONENTS, HOUR, incident, MINUTE, PRODUCTION, post, utc } from "./fixtures";
import { COMPONENT_IDS as IDS, randomIncident as randomIncidentOf, RANDOM_STATES as STATES, RANDOM_T0 as T0 } from "./random-incident";

const TYPES: PostType[] = ["investigating", "issue", "update", "update", "scheduled", "resolved"];

function randomIncident(random: SeededRandom): TimelineIncident {
  return randomIncidentOf(random, () => {
    let at = T0;
    const posts: TimelinePost[] = [];
    for (let id = 1; id <= 1 + random.below(15); id++) {
      at += random.chance(0.2) ? 0 : random.below(90) * MINUTE;
      const changed = IDS.filter(() => random.chance(0.35));
      posts.push({
        id,
        type: random.pick(TYPES),
        postedAt: new Date(at),
        // Now and then created out of order, so createdAt breaks ties differently from id.
        createdAt: new Date(at + (random.chance(0.2) ? -random.below(5) * MINUTE : 0)),
        stateChanges: changed.map((componentId) => ({ componentId, state: random.pick(STATES) })),
      });
    }
    return posts;
  });
}

/** The definition: the incident cut to its first `count` posts (timeline order), read at `at`. */
function statesOfFirst(incident: TimelineIncident, ordered: readonly TimelinePost[], count: number, at: Date) {
  return currentStates([{ ...incident, posts: ordered.slice(0, count) }], COMPONENTS, at);
}

describe("postSteps", () => {
  it.each(Array.from({ length: 400 }, (_, seed) => seed))("seed %i: each step equals the incident cut at that post", (seed) => {
    const random = seededRandom(seed);
    const incident = randomIncident(random);
    const ordered = sortPosts(incident.posts);
    // Sometimes `now` falls inside the timeline: later posts are not steps yet.
    const now = random.chance(0.3) ? ordered[random.below(ordered.length)]!.postedAt : new Date(ordered[ordered.length - 1]!.postedAt.getTime() + HOUR);
    const visible = ordered.filter((candidate) => candidate.postedAt <= now);
    const steps = postSteps(incident, COMPONENTS, now);
    expect(steps.map((step) => step.post.id)).toEqual(visible.map((candidate) => candidate.id));
    steps.forEach((step, index) => {
      expect(step.before, `before post ${step.post.id}`).toEqual(statesOfFirst(incident, visible, index, step.post.postedAt));
      expect(step.after, `after post ${step.post.id}`).toEqual(statesOfFirst(incident, visible, index + 1, step.post.postedAt));
    });
  });

  it("rolls sub-components up into their system at each step", () => {
    const outage = incident([
      post("investigating", "2026-11-02T10:00", { [API]: "red" }),
      post("update", "2026-11-02T10:30", { [API]: "yellow" }),
      post("resolved", "2026-11-02T11:00"),
    ]);
    const steps = postSteps(outage, COMPONENTS, utc("2026-11-02T12:00"));
    expect(steps.map((step) => [step.before.get(PRODUCTION), step.after.get(PRODUCTION)])).toEqual([
      ["green", "red"],
      ["red", "yellow"],
      ["yellow", "green"],
    ]);
  });

  it("lets a maintenance act only inside its window, the end excluded", () => {
    const window = { kind: "maintenance" as const, scheduledStartAt: utc("2026-11-02T10:00"), scheduledEndAt: utc("2026-11-02T11:00") };
    const maintenance = incident(
      [
        post("scheduled", "2026-11-02T09:00", { [API]: "blue" }),
        post("update", "2026-11-02T10:00", { [API]: "blue" }),
        post("update", "2026-11-02T11:00", { [API]: "yellow" }),
      ],
      window,
    );
    const steps = postSteps(maintenance, COMPONENTS, utc("2026-11-02T12:00"));
    expect(steps.map((step) => [step.before.get(API), step.after.get(API)])).toEqual([
      ["green", "green"],
      ["blue", "blue"],
      ["green", "green"],
    ]);
    const ordered = sortPosts(maintenance.posts);
    steps.forEach((step, index) => expect(step.after).toEqual(statesOfFirst(maintenance, ordered, index + 1, step.post.postedAt)));
  });

  it("reads 2,000 posts in one pass", () => {
    const posts = Array.from({ length: 2000 }, (_, n) =>
      post(n === 0 ? "investigating" : "update", new Date(T0 + n * MINUTE).toISOString().slice(0, 16), { [API]: n % 2 ? "red" : "yellow" }),
    );
    const steps = postSteps(incident(posts), COMPONENTS, new Date(T0 + 3000 * MINUTE));
    expect(steps).toHaveLength(2000);
    expect(steps[1999]!.after.get(PRODUCTION)).toBe("red");
  });
});
