/** The first thing a keyboard user reaches on every page: a jump past the header to the content. */
export function SkipLink({ label = "Skip to content" }: { label?: string }) {
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2 focus:text-black">
      {label}
    </a>
  );
}
