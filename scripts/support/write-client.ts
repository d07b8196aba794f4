// The write API as a machine calls it (fetch, Bearer token, Idempotency-Key), for fault tests and
// the benchmark.

export interface ApiAnswer {
  status: number;
  body: any;
}

export interface StateChange {
  componentId: string | number;
  state: "green" | "yellow" | "red";
}

async function send(url: string, token: string, body: unknown, idempotencyKey?: string, signal?: AbortSignal): Promise<ApiAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Opens an incident; resolves to its number. */
export async function openIncident(baseUrl: string, token: string, title: string, components: (string | number)[]): Promise<number> {
  const answer = await send(`${baseUrl}/api/admin/incidents`, token, {
    title,
    componentIds: components,
    type: "investigating",
    body: `${title}: investigating.`,
  });
  if (answer.status !== 201) throw new Error(`opening an incident answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.incident.number as number;
}

export interface PostRequest {
  body: string;
  idempotencyKey: string;
  stateChanges?: StateChange[];
}

/** POST /api/admin/incidents/:number/posts (an "update"). */
export function postUpdate(baseUrl: string, token: string, incidentNumber: number, post: PostRequest, signal?: AbortSignal): Promise<ApiAnswer> {
  const body = { type: "update", body: post.body, ...(post.stateChanges ? { stateChanges: post.stateChanges } : {}) };
  return send(`${baseUrl}/api/admin/incidents/${incidentNumber}/posts`, token, body, post.idempotencyKey, signal);
}
