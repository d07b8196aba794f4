import { InputError } from "@/lib/errors/input-error";

/** A publish the commander can fix, tied to the form field it concerns. */
export class PublishError extends InputError {
  override name = "PublishError";
}

export function isUniqueViolation(error: unknown, field: string): boolean {
  const value = error as { code?: unknown; meta?: { target?: unknown; driverAdapterError?: unknown } } | null;
  return value?.code === "P2002" && JSON.stringify(value.meta ?? {}).includes(field);
}
