/** A publish the commander can fix, tied to the form field it concerns. */
export class PublishError extends Error {
  override name = "PublishError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function isUniqueViolation(error: unknown, field: string): boolean {
  const value = error as { code?: unknown; meta?: { target?: unknown; driverAdapterError?: unknown } } | null;
  return value?.code === "P2002" && JSON.stringify(value.meta ?? {}).includes(field);
}
