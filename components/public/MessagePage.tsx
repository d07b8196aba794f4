/** 404 and 400 pages of the public site. */
export function MessagePage({ title, message }: { title: string; message: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{message}</p>
      <p>
        <a className="underline" href="/">
          Current status
        </a>{" "}
        ·{" "}
        <a className="underline" href="/history">
          Incident history
        </a>
      </p>
    </div>
  );
}
