"use client";
// Edit (the old text is kept as a revision) and soft delete (with a reason) of one published post.
import { useActionState } from "react";
import type { FormState } from "@/lib/admin/form-state";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "./Field";
import { FormMessage } from "./FormMessage";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function PostActions({ postId, body, editAction, deleteAction }: { postId: number; body: string; editAction: Action; deleteAction: Action }) {
  const [editState, edit, editing] = useActionState(editAction, { status: "idle" });
  const [deleteState, remove, deleting] = useActionState(deleteAction, { status: "idle" });
  return (
    <div className="mt-2 flex flex-wrap gap-4 text-sm">
      <details open={editState.status === "error"}>
        <summary className="cursor-pointer underline">Edit text</summary>
        <form action={edit} className="mt-2 space-y-2">
          <FormMessage state={editState} />
          <input type="hidden" name="postId" value={postId} />
          <Field name={`body-${postId}`} label="Corrected text (the current text is kept as a revision)" error={editState.fieldErrors?.body}>
            {(control) => <textarea {...control} name="body" rows={4} defaultValue={String(editState.values?.body ?? body)} className={INPUT_CLASS} />}
          </Field>
          <button type="submit" disabled={editing} className={BUTTON_CLASS}>
            Save edit
          </button>
        </form>
      </details>
      <details open={deleteState.status === "error"}>
        <summary className="cursor-pointer underline">Delete</summary>
        <form action={remove} className="mt-2 space-y-2">
          <FormMessage state={deleteState} />
          <input type="hidden" name="postId" value={postId} />
          <Field name={`reason-${postId}`} label="Why is this post deleted?" error={deleteState.fieldErrors?.reason}>
            {(control) => <input {...control} name="reason" defaultValue={String(deleteState.values?.reason ?? "")} className={INPUT_CLASS} />}
          </Field>
          <button type="submit" disabled={deleting} className={`${BUTTON_CLASS} bg-red-800`}>
            Delete post
          </button>
        </form>
      </details>
    </div>
  );
}
