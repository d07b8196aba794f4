import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { ROLES } from "@/lib/auth/roles";
import { listUsers } from "@/lib/auth/users";
import { formatUtc } from "@/lib/text/format-time";
import { AdminForm, type FieldSpec } from "../_components/AdminForm";
import { AdminSection } from "../_components/AdminSection";
import { createUserAction, resetPasswordAction, setDisabledAction, setRoleAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

const ROLE_OPTIONS = ROLES.map((role) => [role, role] as const);
const ROLE_HINT = "admin: everything · commander: incidents, maintenance, templates · viewer: read only";
const NEW_USER_FIELDS: FieldSpec[] = [
  { kind: "email", name: "email", label: "Email" },
  { kind: "text", name: "name", label: "Name (optional)" },
  { kind: "select", name: "role", label: "Role", value: "viewer", options: ROLE_OPTIONS, hint: ROLE_HINT },
  { kind: "password", name: "password", label: "Password (at least 12 characters)" },
];

export default async function UsersPage() {
  const actor = await requireRole("admin");
  const users = await listUsers(db());
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Users</h1>
      <p>{ROLE_HINT}. Beacon always keeps one enabled admin.</p>
      <ul className="space-y-3">
        {users.map((user) => {
          const email = { kind: "hidden", name: "email", value: user.email } as const;
          return (
            <li key={user.id} data-user={user.email} className="space-y-2 rounded border border-zinc-300 p-3 dark:border-zinc-700">
              <p>
                <strong>{user.email}</strong> {user.name && `(${user.name})`} · {user.role}
                {user.disabled && <span className="font-semibold"> · disabled</span>} · since {formatUtc(user.createdAt)}
              </p>
              <div className="flex flex-wrap items-end gap-6">
                <AdminForm
                  action={setRoleAction}
                  idPrefix={`role-${user.id}-`}
                  submitLabel="Change role"
                  className="flex flex-wrap items-end gap-2"
                  fields={[email, { kind: "select", name: "role", label: "Role", value: user.role, options: ROLE_OPTIONS }]}
                />
                {user.id !== actor.userId && (
                  <AdminForm
                    action={setDisabledAction}
                    idPrefix={`disable-${user.id}-`}
                    submitLabel={user.disabled ? "Enable" : "Disable"}
                    danger={!user.disabled}
                    className="flex flex-wrap items-end gap-2"
                    fields={[email, { kind: "hidden", name: "disabled", value: String(!user.disabled) }]}
                  />
                )}
              </div>
              <details>
                <summary className="cursor-pointer underline">Reset password</summary>
                <AdminForm
                  action={resetPasswordAction}
                  idPrefix={`reset-${user.id}-`}
                  submitLabel="Reset password"
                  className="mt-2 space-y-2"
                  fields={[email, { kind: "password", name: "password", label: "New password (at least 12 characters)" }]}
                />
              </details>
            </li>
          );
        })}
      </ul>
      <AdminSection id="add-user" title="Add a user">
        <AdminForm action={createUserAction} idPrefix="new-" submitLabel="Add user" fields={NEW_USER_FIELDS} />
      </AdminSection>
    </div>
  );
}
