/** The one place course HTML enters the page: only what the content pipeline rendered. */
import type { ElementType } from 'react';
import { renderInlineHtml, renderMarkdownHtml } from '../../lessons/renderMarkdown';

interface SafeHtmlProps {
  /** HTML from src/lessons/renderMarkdown.ts (markdown-it with raw HTML off and its link validator). */
  readonly html: string;
  readonly as?: ElementType;
  readonly className?: string;
  readonly id?: string;
}

export function SafeHtml({ html, as: Tag = 'div', className, id }: SafeHtmlProps) {
  // Safe: `html` is only ever produced by the content pipeline, which escapes raw HTML and refuses
  // script URLs; no learner input or unrendered text reaches this prop.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: pre-rendered, sanitised lesson HTML (see above)
  return <Tag className={className} id={id} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Block Markdown from course content (a goal, a hint, an explanation). */
export function Markdown({ text, className }: { readonly text: string; readonly className?: string }) {
  return <SafeHtml html={renderMarkdownHtml(text)} className={className} />;
}

/** Inline Markdown from course content (a prompt, a choice, a checklist line). */
export function InlineMarkdown({ text, id }: { readonly text: string; readonly id?: string }) {
  return <SafeHtml html={renderInlineHtml(text)} as="span" id={id} />;
}

/** The text of inline Markdown without its marks, for labels that cannot hold HTML. */
export function plainText(markdown: string): string {
  return markdown.replace(/[`*_]/g, '');
}
