// `npm run beacon -- incident open|post|resolve|deploy …`: publish (or record a deploy) from a
// terminal or CI over the write API. Exit codes: 0 done, 1 the server refused, the deploy gate is
// closed or the server could not be reached, 2 a usage mistake.
import { parseCommand, sendCall, UsageError } from "../lib/api/cli";

try {
  console.log(await sendCall(parseCommand(process.argv.slice(2), process.env)));
} catch (error) {
  console.error(`beacon: ${(error as Error).message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
