import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { type ApiTokenSummary, listApiTokens } from "@/lib/auth/api-tokens";
import { formatUtc } from "@/lib/text/format-time";
import { AdminTable } from "../_components/AdminTable";
import { ButtonForm } from "../_components/ButtonForm";
import { CreateTokenForm } from "./CreateTokenForm";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

const COLUMNS = ["Name", "Starts with", "Rights", "Created (UTC)", "Last used (UTC)", "Status"];

function tokenRow(token: ApiTokenSummary) {
  return (
    <tr key={token.id} data-token={token.name} className="border-t border-zinc-300 align-top dark:border-zinc-700">
      <td className="pr-2">{token.name}</td>
      <td className="pr-2">
        <code>{token.prefix}…</code>
      </td>
      <td className="pr-2" data-token-rights="">
        {token.effectiveRole === token.role ? (
          token.role
        ) : (
          <>
            {token.effectiveRole} <span className="text-zinc-600 dark:text-zinc-400">(made as {token.role}; limited by its creator's role)</span>
          </>
        )}
      </td>
      <td className="pr-2">{formatUtc(token.createdAt)}</td>
      <td className="pr-2">{token.lastUsedAt ? formatUtc(token.lastUsedAt) : "never"}</td>
      <td>
        {token.revokedAt ? (
          `Revoked ${formatUtc(token.revokedAt)}`
        ) : (
          <ButtonForm action={revokeTokenAction} fields={{ tokenId: token.id }} label="Revoke" ariaLabel={`Revoke ${token.name}`}>
            {token.suspended && <p data-token-suspended="">Refused while its creator is disabled.</p>}
          </ButtonForm>
        )}
      </td>
    </tr>
  );
}

export default async function TokensPage() {
  await requireRole("admin");
  const tokens = await listApiTokens(db());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">API tokens</h1>
      <p>
        Tokens let the write API, the <code>npm run beacon</code> CLI and alerting systems publish: send <code>Authorization: Bearer bcn_…</code>. See{" "}
        <a href="/api/openapi.json" className="underline">
          /api/openapi.json
        </a>
        .
      </p>
      <CreateTokenForm action={createTokenAction} />
      <AdminTable caption="API tokens" columns={COLUMNS} rows={tokens} empty="No tokens yet." renderRow={tokenRow} />
    </div>
  );
}
