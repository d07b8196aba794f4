// The condensed incident (lib/timeline/running.ts) against the whole timeline: for random seeded
// timelines, incidents and maintenance alike, the states still in force give the same current
// states, openness and end at every later instant, and a post appended to either gives the same result.
import { describe, expect, it } from "vitest";
import {
  condensedIncident,
  currentStates,
  incidentState,
  runningStates,
  type ComponentState,
  type PostType,
  type TimelineIncident,
  type TimelinePost,
} from "@/lib/timeline";
import { seededRandom, type SeededRandom } from "../../support/seeded-random";
import { COMPONENTS, MINUTE } from "./fixtures";
import { COMPONENT_IDS as IDS, randomIncident as randomIncidentOf, RANDOM_STATES as STATES, RANDOM_T0 as T0 } from "./random-incident";

const TYPES: PostType[] = ["investigating", "issue", "update", "update", "resolved"];

function randomPost(random: SeededRandom, id: number, at: number): TimelinePost {
  const changed = IDS.filter(() => random.chance(0.35));
  return {
    id,
    type: random.pick(TYPES),
    postedAt: new Date(at),
    createdAt: new Date(at),
    stateChanges: changed.map((componentId) => ({ componentId, state: random.pick(STATES) })),
  };
}

function randomIncident(random: SeededRandom): { incident: TimelineIncident; lastAt: number } {
  let at = T0;
  const incident = randomIncidentOf(random, () => {
    const posts: TimelinePost[] = [];
    const count = 1 + random.below(12);
    for (let id = 1; id <= count; id++) {
      // Equal times now and then: ties are broken by createdAt, then id.
      at += random.chance(0.2) ? 0 : random.below(90) * MINUTE;
      posts.push(randomPost(random, id, at));
    }
    return posts;
  });
  return { incident, lastAt: at };
}

/** What the database keeps after a write at `now`: the running states and Incident.resolvedAt. */
function condense(incident: TimelineIncident, now: Date): TimelineIncident {
  const { posts: _posts, ...header } = incident;
  return condensedIncident(header, runningStates(incident, now), incidentState(incident, now).endedAt);
}

function visible(incident: TimelineIncident, at: Date) {
  const { open, current, endedAt } = incidentState(incident, at);
  return { open, current, endedAt, states: Object.fromEntries(currentStates([incident], COMPONENTS, at)) };
}

describe("a condensed incident reads as its whole timeline", () => {
  it.each(Array.from({ length: 300 }, (_, seed) => seed))("seed %i: same states, openness and end from the write on", (seed) => {
    const random = seededRandom(seed);
    const { incident, lastAt } = randomIncident(random);
    const now = new Date(lastAt + random.below(3) * MINUTE);
    const condensed = condense(incident, now);
    for (const later of [0, 1, 30, 90, 200, 400, 800].map((minutes) => new Date(now.getTime() + minutes * MINUTE))) {
      expect(visible(condensed, later), later.toISOString()).toEqual(visible(incident, later));
    }
  });

  it.each(Array.from({ length: 300 }, (_, seed) => 1000 + seed))("seed %i: a post appended to either gives the same running states", (seed) => {
    const random = seededRandom(seed);
    const { incident: whole, lastAt } = randomIncident(random);
    const incident = { ...whole, kind: "incident" as const, scheduledStartAt: null, scheduledEndAt: null };
    const now = new Date(lastAt + random.below(3) * MINUTE);
    const next = randomPost(random, 100, now.getTime() + random.below(2) * MINUTE);
    const after = next.postedAt;
    const fromWhole = { ...incident, posts: [...incident.posts, next] };
    const fromCondensed = { ...condense(incident, now), posts: [...condense(incident, now).posts, next] };
    expect(runningStates(fromCondensed, after)).toEqual(runningStates(fromWhole, after));
    expect(visible(fromCondensed, after)).toEqual(visible(fromWhole, after));
  });

  it("keeps since when and which post set each state; a Resolved post leaves nothing running", () => {
    const at = (minutes: number) => new Date(T0 + minutes * MINUTE);
    const posted = (id: number, type: PostType, minutes: number, changes: [number, ComponentState][] = []): TimelinePost => ({
      id,
      type,
      postedAt: at(minutes),
      createdAt: at(minutes),
      stateChanges: changes.map(([componentId, state]) => ({ componentId, state })),
    });
    const posts = [
      posted(1, "investigating", 0, [[1, "red"]]),
      posted(2, "update", 5, [
        [1, "red"],
        [3, "yellow"],
      ]),
      posted(3, "update", 9, [
        [3, "green"],
        [2, "yellow"],
      ]),
    ];
    const incident: TimelineIncident = {
      id: 1,
      number: 1,
      title: "",
      kind: "incident",
      openedAt: at(0),
      scheduledStartAt: null,
      scheduledEndAt: null,
      componentIds: [1],
      posts,
    };
    expect(runningStates(incident, at(10))).toEqual([
      { componentId: 1, state: "red", since: at(0), postId: 1 },
      { componentId: 2, state: "yellow", since: at(9), postId: 3 },
    ]);
    const resolved = { ...incident, posts: [...posts, posted(4, "resolved", 12)] };
    expect(runningStates(resolved, at(13))).toEqual([]);
  });
});
