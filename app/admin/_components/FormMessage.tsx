"use client";
// The form-level message after a submit; focused so keyboard and screen-reader users land on it.
import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/admin/form-state";

export function FormMessage({ state }: { state: FormState }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
  const error = state.status === "error";
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={error ? "alert" : "status"}
      data-form-message={state.status}
      className={`rounded border-l-4 p-3 ${error ? "border-red-700 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100" : "border-green-700 bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100"}`}
    >
      {state.message}
    </div>
  );
}
