// `npm run up`: from a fresh clone to a running Beacon with demo data on http://localhost:3000.
// While no user exists, the server's log ends with the setup URL and its code (lib/auth/setup-code.ts).
import { ensureDependencies, run } from "./run-steps.mjs";

ensureDependencies();
run("build", "npm", ["run", "build"]);
run("apply migrations", "npm", ["run", "--silent", "db:migrate"]);
run("seed demo data into an empty database", "npm", ["run", "--silent", "db:seed", "--", "--demo", "--if-empty"]);
run("start", "npm", ["start"]);
