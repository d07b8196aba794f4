export default function Forbidden() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-bold">Not allowed</h1>
      <p>Your role does not allow this page. Ask an admin if you need more access.</p>
      <a href="/admin" className="underline">
        Back to the dashboard
      </a>
    </div>
  );
}
