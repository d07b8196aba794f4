// User management, shared by `npm run admin` and the admin UI. Only admins manage users; the
// terminal acts as the "cli" admin (whoever can run it already owns the database).
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { authorize, type Actor, type Role } from "@/lib/auth/roles";
import { InputError } from "@/lib/errors/input-error";
import type { CreateUserInput } from "@/lib/validation/auth";

/** A failure the person can fix, with a message to show as is (next to the form, or on the terminal). */
export class UserError extends InputError {
  override name = "UserError";
  constructor(message: string, field = "form") {
    super(field, message);
  }
}

export interface UserSummary {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

export async function createUser(db: Db, actor: Actor | null, input: CreateUserInput): Promise<UserSummary> {
  authorize(actor, "admin");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) throw new UserError(`a user with email ${input.email} already exists`, "email");
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
    await recordAudit(tx, { actor, action: "user.create", targetType: "user", targetId: user.id, after: { email: user.email, role: user.role } });
    return summarize(user);
  });
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  return (await db.user.findMany({ orderBy: { email: "asc" } })).map(summarize);
}

export async function setRole(db: Db, actor: Actor | null, email: string, role: Role): Promise<UserSummary> {
  authorize(actor, "admin");
  return db.$transaction(async (tx) => {
    const user = await findByEmail(tx, email);
    if (role !== "admin") await assertNotLastAdmin(tx, user);
    const updated = await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, { actor, action: "user.set_role", targetType: "user", targetId: user.id, before: { role: user.role }, after: { role } });
    return summarize(updated);
  });
}

/** Also ends the user's sessions: a reset is often a response to a leaked password. */
export async function resetPassword(db: Db, actor: Actor | null, email: string, password: string): Promise<UserSummary> {
  authorize(actor, "admin");
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await findByEmail(tx, email);
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { actor, action: "user.reset_password", targetType: "user", targetId: user.id });
    return summarize(updated);
  });
}

/**
 * A disabled user cannot sign in, their sessions end at once, and the API tokens they created are
 * refused until they are enabled again; their posts and audit events keep their name.
 */
export async function setDisabled(db: Db, actor: Actor | null, email: string, disabled: boolean, now: Date): Promise<UserSummary> {
  const admin = authorize(actor, "admin");
  return db.$transaction(async (tx) => {
    const user = await findByEmail(tx, email);
    if (disabled && user.id === admin.userId) throw new UserError("You cannot disable your own account; ask another admin");
    if (disabled) await assertNotLastAdmin(tx, user);
    const updated = await tx.user.update({ where: { id: user.id }, data: { disabledAt: disabled ? (user.disabledAt ?? now) : null } });
    if (disabled) await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, {
      actor,
      action: disabled ? "user.disable" : "user.enable",
      targetType: "user",
      targetId: user.id,
      before: { disabled: user.disabledAt !== null },
      after: { disabled },
    });
    return summarize(updated);
  });
}

/** Beacon always keeps one enabled admin: nobody can demote or disable the last one. */
async function assertNotLastAdmin(tx: Pick<Db, "user">, user: { email: string; role: Role; disabledAt: Date | null }): Promise<void> {
  if (user.role !== "admin" || user.disabledAt) return;
  if ((await tx.user.count({ where: { role: "admin", disabledAt: null } })) <= 1) {
    throw new UserError(`${user.email} is the last admin; make another admin first`);
  }
}

async function findByEmail(tx: Pick<Db, "user">, email: string) {
  const user = await tx.user.findUnique({ where: { email } });
  if (!user) throw new UserError(`no user with email ${email}`);
  return user;
}

function summarize(user: { id: number; email: string; name: string; role: Role; disabledAt: Date | null; createdAt: Date }): UserSummary {
  return { id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabledAt !== null, createdAt: user.createdAt };
}
