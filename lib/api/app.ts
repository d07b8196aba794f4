// The write API as the app serves it: the process's database, the real clock, BEACON_PUBLIC_URL.
import { db } from "@/lib/db/client";
import { loadEnv } from "@/lib/runtime/env";
import { createWriteApi } from "./write-routes";

export const writeApi = createWriteApi({ db, now: () => new Date(), baseUrl: () => loadEnv().publicUrl });
