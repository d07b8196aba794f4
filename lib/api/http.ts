// The write API's HTTP vocabulary: JSON responses, the `{"error":{code,message,fields}}` shape, and
// reading a JSON body with a size limit. Nothing here knows about incidents.
import type * as z from "zod";

/** Request bodies larger than this are refused with 413 before parsing (a post's text is ≤ 20,000 characters). */
export const MAX_BODY_BYTES = 128 * 1024;

/** A request the client can fix (or may not make): answered with `status` and the error shape. */
export class ApiFailure extends Error {
  override name = "ApiFailure";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

const BASE_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** A response whose body is already JSON text (a kept idempotent response, say). */
export function apiText(status: number, json: string, headers: Record<string, string> = {}): Response {
  return new Response(json, { status, headers: { ...BASE_HEADERS, ...headers } });
}

export function errorBody(failure: ApiFailure): { error: { code: string; message: string; fields?: Record<string, string> } } {
  return { error: { code: failure.code, message: failure.message, ...(failure.fields ? { fields: failure.fields } : {}) } };
}

export function apiError(failure: ApiFailure): Response {
  return apiText(failure.status, JSON.stringify(errorBody(failure)), failure.headers);
}

/** Field messages keyed by dotted path ("stateChanges.0.state"); unknown fields by their own path. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] ??= "Unknown field.";
      continue;
    }
    fields[issue.path.join(".") || "body"] ??= issue.message;
  }
  return fields;
}

export function invalidInput(error: z.ZodError): ApiFailure {
  return new ApiFailure(422, "invalid_input", "Some fields are not valid; see `fields`.", fieldErrors(error));
}

/** The raw body text, refused when it is not JSON by Content-Type or larger than the limit. */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiFailure(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const tooLarge = (limit: number) => new ApiFailure(413, "body_too_large", `The body is larger than ${limit / 1024} KiB.`);

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiFailure(400, "invalid_json", "The body is not valid JSON.");
  }
}
