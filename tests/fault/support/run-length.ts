// The fault tests run short in `npm test` and long with FAULT_LONG=1 (README, "fault tests"); each
// states both versions of what the length changes in one `forThisRun` call.

/** The short settings, or the long ones under FAULT_LONG=1. */
export function forThisRun<T>(settings: { short: T; long: T }): T {
  return process.env.FAULT_LONG ? settings.long : settings.short;
}
