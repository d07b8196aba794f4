// PURE: percent-decoding that cannot throw. A path like /incidents/%E0%A4%A is an answer for the
// client (400 or 404), never an exception on the server.

/** The decoded text, or null when it is not valid percent-encoded UTF-8. */
export function percentDecoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
