// "Your page" from a real database (SQLite and PostgreSQL) through the public HTTP layer: the
// settings round trip with their audit events, the brand on pages, feeds and the Statuspage API,
// the images with their headers, and a return to the default look.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRAND_KEY } from "@/lib/branding/brand";
import { loadBrand, setBrandImage, updateBrand } from "@/lib/branding/settings";
import { InputError } from "@/lib/errors/input-error";
import { createActors } from "../support/publish-fixtures";
import { png } from "../support/images";
import { type DemoSite, startDemoSite } from "../support/public-server";
import { providers } from "../support/test-databases";

const TEXTS = { name: "Example status", accent: "#1d4ed8", supportUrl: "https://help.example.com/", footer: "Example Ltd · 1 Main Street" };

describe.each(providers)("your page on $name", (provider) => {
  let site: DemoSite;
  let actors: Awaited<ReturnType<typeof createActors>>;

  beforeAll(async () => {
    site = await startDemoSite(provider);
    actors = await createActors(site.db);
  });

  afterAll(() => site?.close());

  it("looks as always until an admin sets the brand", async () => {
    expect(await loadBrand(site.db)).toMatchObject({ name: "Beacon status", accent: null, logo: null });
    const home = await site.read("/");
    expect(home.text).toContain(">Beacon status</a>");
    expect(home.text).not.toContain("--beacon-accent");
    expect((await site.read("/brand/logo")).status).toBe(404);
  });

  it("saves the texts (admins only, audited), and pages, feeds and the Statuspage API carry them at once", async () => {
    await expect(updateBrand(site.db, actors.commander, { ...TEXTS })).rejects.toThrow();
    await updateBrand(site.db, actors.admin, { ...TEXTS });
    await expect(updateBrand(site.db, actors.admin, { ...TEXTS })).rejects.toThrow(/Nothing changed/);
    expect(await loadBrand(site.db)).toMatchObject(TEXTS);
    const audit = await site.db.auditEvent.findMany({ where: { action: "setting.update", targetId: BRAND_KEY } });
    expect(audit).toHaveLength(1);

    const home = await site.read("/");
    expect(home.text).toMatch(/<title>[^<]+ · Example status<\/title>/);
    expect(home.text).toContain('<meta property="og:site_name" content="Example status"/>');
    expect(home.text).toMatch(/<meta property="og:title" content="Partial disruption — Example status"\/>/);
    expect(home.text).toContain("--beacon-accent:#1d4ed8");
    expect(home.text).toContain('href="https://help.example.com/"');
    expect(home.text).toContain("Example Ltd · 1 Main Street");
    expect((await site.read("/history.atom")).text).toContain("Example status: incident history");
    expect(JSON.parse((await site.read("/api/v2/summary.json")).text).page.name).toBe("Example status");
    expect(JSON.parse((await site.read("/history.json")).text).title).toBe("Example status: incident history");
  });

  it("uploads a logo: served with its type, ETag and nosniff, linked from the page and its preview", async () => {
    const logo = png(120, 40);
    await setBrandImage(site.db, actors.admin, "logo", logo);
    const brand = await loadBrand(site.db);
    expect(brand.logo).toMatchObject({ type: "image/png", width: 120, height: 40 });
    const served = await site.get("/brand/logo");
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(logo);
    const etag = served.headers.get("etag")!;
    expect((await site.get("/brand/logo", { "If-None-Match": etag })).status).toBe(304);
    const home = await site.read("/");
    expect(home.text).toContain(`<img src="/brand/logo?v=${brand.logo!.hash.slice(0, 12)}"`);
    expect(home.text).toMatch(/<meta property="og:image" content="http[^"]+\/brand\/logo\?v=/);
    // The audit log names the image by its hash, never its bytes.
    const last = await site.db.auditEvent.findFirst({ where: { targetId: BRAND_KEY }, orderBy: { id: "desc" } });
    expect(JSON.stringify(last?.after)).not.toContain(logo.toString("base64").slice(0, 40));
  });

  it("serves a hostile SVG favicon sanitized, as image/svg+xml under a CSP without scripts", async () => {
    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" onload="alert(1)"><script>alert(2)</script><circle cx="16" cy="16" r="15"/></svg>';
    await setBrandImage(site.db, actors.admin, "favicon", Buffer.from(hostile));
    const served = await site.read("/brand/favicon");
    expect(served.headers.get("content-type")).toBe("image/svg+xml");
    expect(served.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(served.text).not.toMatch(/alert|script|onload/);
    expect(served.text).toContain("<circle");
    expect((await site.read("/")).text).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/brand\/favicon\?v=/);
  });

  it("refuses what is not an image on its field, and keeps the old one", async () => {
    const error = await setBrandImage(site.db, actors.admin, "logo", Buffer.from("<html>no</html>")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe("logo");
    expect((await site.read("/brand/logo")).status).toBe(200);
  });

  it("goes back to the default look when everything is removed", async () => {
    await setBrandImage(site.db, actors.admin, "logo", null);
    await setBrandImage(site.db, actors.admin, "favicon", null);
    await updateBrand(site.db, actors.admin, { name: null, accent: null, supportUrl: null, footer: null });
    expect(await site.db.setting.findUnique({ where: { key: BRAND_KEY } })).toBeNull();
    const home = await site.read("/");
    expect(home.text).toContain(">Beacon status</a>");
    expect(home.text).not.toContain("/brand/");
    expect((await site.read("/brand/logo")).status).toBe(404);
    expect(JSON.parse((await site.read("/api/v2/summary.json")).text).page.name).toBe("Beacon status");
  });
});
