import type { DemoComponent } from "./types";

type Entry = readonly [slug: string, name: string, description: string];

const SYSTEMS: readonly { system: Entry; parts: readonly Entry[] }[] = [
  {
    system: ["production", "Production", "Everything your running apps depend on: dynos, routing, the Platform API and deploys."],
    parts: [
      ["dyno-runtime", "Dyno runtime", "Runs your apps' dynos and restarts them when they crash."],
      ["routing", "Routing", "Delivers HTTP requests from the internet to your web dynos."],
      ["platform-api", "Platform API", "The API behind the CLI, the Dashboard and every integration."],
      ["git-push", "Git push", "Receives git pushes and builds them into new releases."],
    ],
  },
  {
    system: ["development", "Development", "The tools you use to build, review and manage apps."],
    parts: [
      ["review-apps", "Review apps", "Creates a disposable app for every pull request."],
      ["dashboard", "Dashboard", "The web interface for managing apps, pipelines and teams."],
      ["add-on-provisioning", "Add-on provisioning", "Creates, attaches and removes add-ons such as databases."],
    ],
  },
];

function component([slug, name, description]: Entry, position: number, parentSlug: string | null): DemoComponent {
  return { slug, name, description, position, parentSlug };
}

/** Systems first, then their sub-components, each group in display order. */
export const DEMO_COMPONENTS: readonly DemoComponent[] = [
  ...SYSTEMS.map(({ system }, position) => component(system, position, null)),
  ...SYSTEMS.flatMap(({ system, parts }) => parts.map((part, position) => component(part, position, system[0]))),
];
