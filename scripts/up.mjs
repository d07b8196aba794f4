// `npm run up`: from a fresh clone to a running Beacon with demo data on http://localhost:3000.
// While no user exists, the server's log ends with the setup URL and its code (lib/auth/setup-code.ts).
import { ensureDependencies, run } from "./run-steps.mjs";

ensureDependencies();
run("build", "npm", ["run", "build"]);
run("apply migrations", "npm", ["run", "--silent", "db:migrate"]);
run("seed demo data into an empty database", "npm", ["run", "--silent", "db:seed", "--", "--demo", "--if-empty"]);
// Mail is written as .eml files into data/mail/ unless BEACON_SMTP_URL says otherwise, so the demo shows subscribing end to end.
run("start", "npm", ["start"], { env: { BEACON_SMTP_URL: process.env.BEACON_SMTP_URL || "file:data/mail" } });
