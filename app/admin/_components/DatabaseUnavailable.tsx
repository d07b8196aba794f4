// What an admin page shows instead of a stack trace when the database cannot be reached.
export function DatabaseUnavailable() {
  return (
    <div role="alert" data-database-unavailable="" className="space-y-3">
      <h1 className="text-2xl font-bold">The database cannot be reached — publishing is unavailable</h1>
      <p>
        Beacon cannot reach its database right now, so nothing can be published or changed here. The public status page keeps showing the last state it could
        read.
      </p>
      <p>Try again in a minute. If this persists, check that the database server is running and that DATABASE_URL is right.</p>
      {/* biome-ignore lint/a11y/useValidAnchor: href="" is a real link: it reloads this very page */}
      <a href="" className="underline">
        Try again
      </a>
    </div>
  );
}
