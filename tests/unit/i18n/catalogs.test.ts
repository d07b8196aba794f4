// Every language is complete: exactly English's keys, every message valid ICU MessageFormat with the
// same placeholders, so no page shows a key, an English fallback or a broken placeholder.
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { CATALOGS, LOCALES, type MessageKey, t } from "@/lib/i18n";

type Node = { type: number; value?: unknown; options?: Record<string, { value: Node[] }>; children?: Node[] };

/** The names of a message's arguments, nested ones (inside plural/select branches) too. */
function placeholders(nodes: Node[], names = new Set<string>()): Set<string> {
  for (const node of nodes) {
    // Types 1–6 are arguments (argument, number, date, time, select, plural); 0 literal, 7 "#", 8 tag.
    if (node.type >= 1 && node.type <= 6 && typeof node.value === "string") names.add(node.value);
    for (const option of Object.values(node.options ?? {})) placeholders(option.value, names);
    if (node.children) placeholders(node.children, names);
  }
  return names;
}

const english = Object.keys(CATALOGS.en).sort();

describe.each(LOCALES)("the %s catalog", (locale) => {
  const catalog = CATALOGS[locale];

  it("has exactly the English keys", () => {
    expect(Object.keys(catalog).sort()).toEqual(english);
  });

  it.each(english)("%s parses, with English's placeholders, and is translated", (key) => {
    const message = catalog[key as MessageKey];
    const ast = new IntlMessageFormat(message, locale).getAst() as Node[];
    const englishAst = new IntlMessageFormat(CATALOGS.en[key as MessageKey], "en").getAst() as Node[];
    expect([...placeholders(ast)].sort()).toEqual([...placeholders(englishAst)].sort());
    expect(message.trim()).not.toBe("");
  });
});

describe("t()", () => {
  it("fills plurals by the language's rules", () => {
    expect(t("de", "duration.hours", { count: 1 })).toBe("1 Stunde");
    expect(t("de", "duration.hours", { count: 2 })).toBe("2 Stunden");
    expect(t("fr", "duration.days", { count: 1 })).toBe("1 jour");
    expect(t("es", "duration.minutes", { count: 5 })).toBe("5 minutos");
    expect(t("ja", "duration.hours", { count: 3 })).toBe("3時間");
  });

  it("speaks each language on the home page's verdict", () => {
    expect(LOCALES.map((locale) => t(locale, "verdict.green"))).toEqual([
      "All systems operational",
      "Alle Systeme betriebsbereit",
      "Tous les systèmes sont opérationnels",
      "Todos los sistemas están operativos",
      "すべてのシステムは正常に稼働しています",
    ]);
  });

  it("inserts values as text, never as message syntax", () => {
    expect(t("en", "postmortem.title", { title: "Disk {full} '#1'" })).toBe("Postmortem: Disk {full} '#1'");
  });
});
