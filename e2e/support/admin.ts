// Signing in as one of the accounts scripts/e2e-server.mjs creates.
import { expect, type Page } from "@playwright/test";
import accounts from "./admin-users.json" with { type: "json" };

export type Account = keyof typeof accounts.users;
export const PASSWORD = accounts.password;
export const emailOf = (account: Account) => accounts.users[account];

export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(emailOf(account));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}
