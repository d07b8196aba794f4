import { writeApi } from "@/lib/api/app";

export const dynamic = "force-dynamic";
export const POST = writeApi.postUpdate;
