import { Fragment } from "react";

/** A message whose placeholders hold page elements (`i18n.parts(...)`), as React children. */
export function Rich({ parts }: { parts: readonly React.ReactNode[] }) {
  return (
    <>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a message's parts keep their order; the index is their identity
        <Fragment key={index}>{part}</Fragment>
      ))}
    </>
  );
}
