import { describe, expect, it } from 'vitest';
import { parseInfo } from './blocks';
import {
  renderInlineHtml,
  renderLesson,
  renderMarkdownHtml,
  slugify,
  splitFrontMatter,
} from './renderMarkdown';

const html = (segments: ReturnType<typeof renderLesson>['segments']) =>
  segments.map((s) => (s.kind === 'html' ? s.html : '')).join('');

describe('safe Markdown', () => {
  it('escapes raw HTML from content', () => {
    const out = renderMarkdownHtml('Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('escapes raw HTML in learner text rendered inline', () => {
    const out = renderInlineHtml('my answer <img src=x onerror=alert(1)> **bold**');
    expect(out).not.toMatch(/<img/);
    expect(out).toContain('<strong>bold</strong>');
  });

  it('refuses script URLs in links and images', () => {
    const out = renderMarkdownHtml(
      '[click](javascript:alert(1)) ![x](javascript:alert(2)) [ok](https://aws.amazon.com)',
    );
    expect(out).not.toContain('href="javascript:');
    expect(out).not.toContain('src="javascript:');
    expect(out).toContain('href="https://aws.amazon.com" target="_blank" rel="noopener noreferrer"');
  });

  it('escapes HTML inside lesson bodies too', () => {
    const { segments } = renderLesson('x.md', '# Title\n\n<div onclick="x()">hi</div>\n');
    expect(html(segments)).not.toContain('<div onclick');
  });
});

describe('lesson bodies', () => {
  const body = [
    '# Hello world',
    '',
    'Intro with `code`.',
    '',
    '```lab-run id=demo event=events/hello.json',
    'def lambda_handler(event, context):',
    '    return 1',
    '```',
    '',
    '## Hello world',
    '',
    '```lab-viz kind=cold-start world=05-x/pc',
    'A caption.',
    '```',
    '',
    '```python',
    'print("plain code stays a code block")',
    '```',
  ].join('\n');

  it('splits HTML around interactive blocks and keeps plain code blocks', () => {
    const { segments, blocks, errors } = renderLesson('l.md', body, 7);
    expect(errors).toEqual([]);
    expect(segments.map((s) => s.kind)).toEqual(['html', 'block', 'html', 'block', 'html']);
    expect(blocks[0]).toEqual({
      kind: 'run',
      line: 12,
      id: 'demo',
      code: 'def lambda_handler(event, context):\n    return 1',
      event: 'events/hello.json',
      handler: 'lambda_function.lambda_handler',
    });
    expect(blocks[1]).toEqual({
      kind: 'viz',
      line: 19,
      viz: 'cold-start',
      world: '05-x/pc',
      caption: 'A caption.',
    });
    expect(html(segments)).toContain('<code class="language-python">');
  });

  it('gives headings unique slugs with file lines', () => {
    const { headings, segments } = renderLesson('l.md', body, 7);
    expect(headings.map((h) => [h.slug, h.line])).toEqual([
      ['hello-world', 8],
      ['hello-world-2', 17],
    ]);
    expect(html(segments)).toContain('<h1 id="hello-world">');
  });

  it('reports unknown block kinds and attributes', () => {
    const { errors } = renderLesson('l.md', '```lab-dance id=x\n```\n\n```lab-open\n```\n');
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [
        1,
        'unknown interactive block "lab-dance" (lab-run, lab-quiz, lab-viz, lab-open, lab-exercise, lab-demo)',
      ],
      [4, 'lab-open: world: Invalid input: expected string, received undefined'],
    ]);
  });

  it('parses quoted attributes', () => {
    expect(parseInfo('lab-open world="a b" x=1 stray')).toEqual({
      name: 'lab-open',
      attrs: { world: 'a b', x: '1' },
      bad: ['stray'],
    });
  });

  it('splits front matter and counts body lines', () => {
    expect(splitFrontMatter('---\nid: x\ntitle: y\n---\n# Body\n')).toEqual({
      yaml: 'id: x\ntitle: y',
      body: '# Body\n',
      bodyLine: 4,
    });
    expect(slugify("Don't chain `functions`!")).toBe('don-t-chain-functions');
  });
});
