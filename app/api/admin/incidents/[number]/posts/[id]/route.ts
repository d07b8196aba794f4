import { writeApi } from "@/lib/api/app";

export const dynamic = "force-dynamic";
export const PATCH = writeApi.editPost;
export const DELETE = writeApi.deletePost;
