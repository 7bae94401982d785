/**
 * Safe Markdown: markdown-it with raw HTML off (any `<tag>` in content or learner input is escaped as
 * text) and its link validator (no `javascript:`/`vbscript:`/`file:` URLs). Lesson bodies are split into
 * HTML segments and the interactive `lab-*` blocks between them, so the UI can mount components there.
 */
import createMarkdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { isLabFence, type LabBlock, toBlock } from './blocks';
import type { ContentError } from './locate';

export interface Heading {
  readonly level: number;
  readonly text: string;
  readonly slug: string;
  readonly line: number;
}

export type Segment =
  | { readonly kind: 'html'; readonly html: string }
  | { readonly kind: 'block'; readonly block: LabBlock };

export interface RenderedMarkdown {
  readonly segments: readonly Segment[];
  readonly headings: readonly Heading[];
  readonly blocks: readonly LabBlock[];
  readonly errors: readonly ContentError[];
}

function createMd(): MarkdownIt {
  const md = new createMarkdownIt('default', {
    html: false,
    linkify: false,
    typographer: false,
    breaks: false,
  });
  // Links open outside the lab; the validator has already refused script URLs.
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    if (token && /^https?:/i.test(String(token.attrGet('href') ?? ''))) {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

const md = createMd();

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[`*_~]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** Render a short Markdown field (a hint, a quiz explanation, a goal) to safe HTML. */
export function renderMarkdownHtml(text: string): string {
  return md.render(text);
}

/** Inline-only Markdown (a choice, a checklist line): no block elements. */
export function renderInlineHtml(text: string): string {
  return md.renderInline(text);
}

/** `lineOffset`: lines before the body in its file (the front matter), for 1-based file lines. */
export function renderLesson(file: string, body: string, lineOffset = 0): RenderedMarkdown {
  const env = {};
  const tokens = md.parse(body, env);
  const segments: Segment[] = [];
  const headings: Heading[] = [];
  const blocks: LabBlock[] = [];
  const errors: ContentError[] = [];
  const used = new Map<string, number>();
  let chunk: Token[] = [];
  const flush = () => {
    if (chunk.length > 0) segments.push({ kind: 'html', html: md.renderer.render(chunk, md.options, env) });
    chunk = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const line = (token.map?.[0] ?? 0) + 1 + lineOffset;
    if (token.type === 'heading_open') {
      const text = tokens[i + 1]?.content ?? '';
      const base = slugify(text);
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      const slug = n === 1 ? base : `${base}-${n}`;
      token.attrSet('id', slug);
      headings.push({ level: Number(token.tag.slice(1)), text, slug, line });
    }
    if (token.type === 'fence' && isLabFence(token.info)) {
      const { block, errors: blockErrors } = toBlock(token.info, token.content, line);
      for (const message of blockErrors) errors.push({ file, line, message });
      if (block !== null) {
        flush();
        segments.push({ kind: 'block', block });
        blocks.push(block);
      }
      continue;
    }
    chunk.push(token);
  }
  flush();
  return { segments, headings, blocks, errors };
}

/** Split `---\nyaml\n---\nbody`; `bodyLine` is the 0-based line where the body starts. */
export function splitFrontMatter(text: string): { yaml: string | null; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (m === null) return { yaml: null, body: text, bodyLine: 0 };
  const yaml = m[1] ?? '';
  return { yaml, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length - 1 };
}
