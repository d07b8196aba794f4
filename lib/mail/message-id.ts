// Threading and dedupe rest on Message-IDs computed, never generated: the same (job, subscriber)
// always gets the same id, so a mail re-sent after a crash is recognisably the same mail (clients
// drop the second copy), and every mail of one incident to one subscriber replies to one root id,
// so Gmail, Outlook and Apple Mail show the incident as one conversation. The root is the id of the
// incident's opening mail; a subscriber who joined later references it without having received
// it, which threading clients handle as a missing parent (RFC 5322 §3.6.4, JWZ threading).

/** The right-hand side of every id: the public URL's host, so ids are unique to this status page. */
export function messageDomain(publicUrl: string): string {
  return new URL(publicUrl).hostname || "beacon.invalid";
}

/** The id every mail of the incident to this subscriber replies to (and the opening mail's own id). */
export function threadRootId(incidentNumber: number, subscriberId: number, domain: string): string {
  return `<beacon.incident-${incidentNumber}.subscriber-${subscriberId}@${domain}>`;
}

/** One mail's id: the thread root for the incident's opening mail, else unique per job × subscriber. */
export function noticeMessageId(job: { id: number; incidentNumber: number; opensThread: boolean }, subscriberId: number, domain: string): string {
  if (job.opensThread) return threadRootId(job.incidentNumber, subscriberId, domain);
  return `<beacon.incident-${job.incidentNumber}.mail-${job.id}.subscriber-${subscriberId}@${domain}>`;
}
