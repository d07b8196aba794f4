// Who may do what. Roles are ordered: viewer < commander < admin; a higher role can do everything
// a lower one can. Every admin page, server action, write endpoint and use-case checks through here.

export const ROLES = ["viewer", "commander", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person (or token, or operator at the terminal) a request acts for. */
export interface Actor {
  userId: number | null;
  /** Readable in the audit log even after the user is gone: an email, "token:name", "cli". */
  label: string;
  role: Role;
  ip: string;
}

/** 401: nobody is signed in. 403: signed in, but the role is too low. */
export class AccessDenied extends Error {
  override name = "AccessDenied";
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "Sign in to continue." : "Your role does not allow this.");
  }
}

export function hasRole(role: Role, minRole: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minRole);
}

/** The actor, if allowed; else throws AccessDenied. Never lets an action run half-way. */
export function authorize(actor: Actor | null, minRole: Role): Actor {
  if (!actor) throw new AccessDenied(401);
  if (!hasRole(actor.role, minRole)) throw new AccessDenied(403);
  return actor;
}
