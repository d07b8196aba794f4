// Types for the tests of run-steps.mjs, which stays plain JavaScript: it runs before anything is installed.
export function run(label: string, command: string, args: string[], options?: { env?: Record<string, string> }): void;
export function installedAsLocked(dir: string): boolean;
export function ensureDependencies(dir?: string, label?: string): void;
