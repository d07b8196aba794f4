import { describe, expect, it } from "vitest";
import { type MessageKey, t } from "@/lib/i18n";
import {
  FIELD_MESSAGE_VALUES,
  formFields,
  hasLineBreak,
  MAX_EMAIL_LENGTH,
  manageFormSchema,
  normalizedEmail,
  subscribeFormSchema,
} from "@/lib/subscriptions/validation";

const parse = (body: string) => subscribeFormSchema.safeParse(formFields(body));

describe("the subscribe form", () => {
  it("takes an address, all or some components, and maintenance notices", () => {
    expect(parse("email=+Ada%40Example.com+&scope=all").data).toEqual({ email: "Ada@Example.com", scope: "all", component: [], maintenance: false });
    expect(parse("email=a%40b.co&scope=some&component=3&component=5&component=3&maintenance=on").data).toEqual({
      email: "a@b.co",
      scope: "some",
      component: [3, 5],
      maintenance: true,
    });
    expect(normalizedEmail(" Ada@Example.COM ")).toBe("ada@example.com");
  });

  it("refuses malformed and overlong addresses, and 'some' with no component", () => {
    for (const email of ["", "ada", "ada@", "@example.com", "ada@example", "a b@example.com", "<ada@example.com>", "ada@example.com,eve@example.com"]) {
      expect(parse(`email=${encodeURIComponent(email)}&scope=all`).success, email).toBe(false);
    }
    const long = `${"a".repeat(MAX_EMAIL_LENGTH)}@example.com`;
    const english = (message: string | undefined) => t("en", message as MessageKey, FIELD_MESSAGE_VALUES);
    expect(english(parse(`email=${long}&scope=all`).error?.issues[0]?.message)).toContain("at most 254");
    expect(parse(`email=${"a".repeat(10 * 1024)}%40example.com&scope=all`).success).toBe(false);
    expect(english(parse("email=a%40b.co&scope=some").error?.issues[0]?.message)).toBe("Choose at least one component.");
    expect(parse("email=a%40b.co&scope=some&component=production").success).toBe(false);
    expect(parse("email=a%40b.co&scope=everything").success).toBe(false);
  });

  it("finds a line break in any field (header injection)", () => {
    expect(hasLineBreak(formFields("email=a%40b.co%0D%0ABcc%3A+eve%40example.com&scope=all"))).toBe(true);
    expect(hasLineBreak(formFields("email=a%40b.co&scope=all&component=1%0A2"))).toBe(true);
    expect(hasLineBreak(formFields("email=a%40b.co&scope=all&website=%0D"))).toBe(true);
    expect(hasLineBreak(formFields("email=a%40b.co&scope=all"))).toBe(false);
    // Even if the check were skipped, the address itself refuses a line break.
    expect(parse("email=a%40b.co%0ABcc%3Ae%40x.io&scope=all").success).toBe(false);
  });

  it("keeps the first value of a repeated field, and reads __proto__ as a plain name", () => {
    const fields = formFields("email=first%40example.com&email=second%40example.com&__proto__=x&scope=all");
    expect(fields.email).toBe("first@example.com");
    expect(Object.getPrototypeOf(fields)).toBeNull();
  });
});

describe("the manage form", () => {
  it("adds pause and the signed token", () => {
    expect(manageFormSchema.safeParse(formFields("token=t&scope=all&paused=on")).data).toMatchObject({
      token: "t",
      scope: "all",
      paused: true,
      maintenance: false,
    });
  });

  it("takes one of the page's languages for the mails, keeps the stored one when the field is absent, and refuses others", () => {
    expect(manageFormSchema.safeParse(formFields("token=t&scope=all&language=ja")).data?.language).toBe("ja");
    expect(manageFormSchema.safeParse(formFields("token=t&scope=all")).data?.language).toBeUndefined();
    const refused = manageFormSchema.safeParse(formFields("token=t&scope=all&language=xx"));
    expect(refused.error?.issues[0]?.message).toBe("subscribe.error.language");
  });
});
