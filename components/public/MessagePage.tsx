import type { I18n } from "@/lib/i18n";

/** 404 and 400 pages of the public site. */
export function MessagePage({ title, message, i18n }: { title: string; message: string; i18n: I18n }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{message}</p>
      <p>
        <a className="underline" href={i18n.href("/")}>
          {i18n.t("site.currentStatus")}
        </a>{" "}
        ·{" "}
        <a className="underline" href={i18n.href("/history")}>
          {i18n.t("error.incidentHistory")}
        </a>
      </p>
    </div>
  );
}
