import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

// Wide tables scroll inside their own box instead of widening the page on a phone.
const components: Components = {
  table: ({ children }) => (
    <div className="overflow-x-auto">
      <table>{children}</table>
    </div>
  ),
};

/**
 * User Markdown, rendered safely: raw HTML is dropped (never executed) and
 * links keep only safe schemes (react-markdown's default URL transform turns
 * `javascript:` and `data:` URLs into empty ones).
 */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  if (!children.trim()) return null;
  return (
    <div
      className={`prose prose-quoteless prose-zinc max-w-none wrap-anywhere dark:prose-invert prose-headings:font-semibold prose-a:text-accent-600 dark:prose-a:text-accent-400 prose-code:before:content-none prose-code:after:content-none prose-pre:bg-zinc-900 prose-pre:text-zinc-100 prose-pre:wrap-normal dark:prose-pre:bg-zinc-900 dark:prose-pre:ring-1 dark:prose-pre:ring-zinc-700 prose-table:text-sm ${className}`}
    >
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={defaultUrlTransform} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
