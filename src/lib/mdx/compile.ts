/**
 * Stories are MDX, but a story must never run code at build time nor ship code to readers. Instead of letting
 * Vite compile each story into a JavaScript module (slow at scale and able to import anything), a story is parsed
 * with the MDX grammar and turned into HTML here. Only plain Markdown and the documented components are accepted;
 * everything else is reported with its line.
 */
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root, RootContent, Heading } from 'mdast';
import { slugify } from '../text.ts';

/** A problem in a story body, with its line in the body (1-based). */
export interface BodyProblem {
  line?: number;
  message: string;
}

export interface CompiledStory {
  html: string;
  headings: { depth: number; slug: string; text: string }[];
  /** 1-based indexes into the entry's photos, in order of appearance. */
  photoRefs: number[];
  /** The story as plain text, for reading aloud. */
  blocks: StoryBlock[];
}

/** A block of a story as plain text: photos left out, a quotation kept with who said it. */
export type StoryBlock = { kind: 'heading' | 'paragraph'; text: string } | { kind: 'quote'; text: string; by: string; role?: string };

/** Components an editor may use, with the attributes each accepts. */
export const STORY_COMPONENTS = {
  /** A photo from the entry's photo list: <Figure photo="2" />. */
  Figure: { required: ['photo'], optional: [] },
  /** A quotation with its speaker: <Quote by="Bà Hoà">…</Quote>. */
  Quote: { required: ['by'], optional: ['role'] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

type ComponentName = keyof typeof STORY_COMPONENTS;

/** Placeholder element for a photo; pages replace it with a responsive <picture>. */
export const PHOTO_MARKER = /<gs-photo data-n="(\d+)"><\/gs-photo>/g;

/** MDX with GitHub tables, strikethrough and autolinks, parsed by Satteri, the MDX parser Astro itself uses. */
function parse(source: string): Root {
  return mdxToMdast(source, { features: { gfm: true, frontmatter: false } }) as Root;
}
const toHtml = unified().use(remarkRehype).use(rehypeStringify);

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: RootContent[];
  position?: { start: { line: number } };
  data?: Record<string, unknown>;
}

function textOf(node: { value?: string; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => textOf(child as typeof node)).join('');
}

/** The MDX parser explains itself in English; editors get the usual causes in Vietnamese. */
function explainSyntaxError(reason: string): string {
  if (/comment/i.test(reason)) return 'ghi chú <!-- … --> không dùng được trong bài: xoá ghi chú đó.';
  if (/closing tag|end tag/i.test(reason)) return 'một thẻ như <Quote> chưa được đóng hoặc đóng sai chỗ: mỗi <Quote …> cần một </Quote>.';
  if (/expression|brace/i.test(reason)) return 'một dấu { chưa được đóng. Bài không dùng biểu thức {…}; muốn viết dấu { thì viết \\{.';
  return 'có dấu < hoặc { không đúng chỗ ở dòng này. Muốn viết các dấu đó như chữ thường thì viết \\< hoặc \\{.';
}

/** What checking a story's tree gathers: its problems, headings (with the anchors given), and photos shown. */
interface TreeCheck {
  photoCount: number;
  problems: BodyProblem[];
  headings: CompiledStory['headings'];
  usedSlugs: Set<string>;
  photoRefs: number[];
}

/** Checks one of the two story components and turns it into the element it renders as. */
function convertComponent(node: JsxNode, line: number | undefined, check: TreeCheck) {
  const { problems } = check;
  const name = node.name ?? '';
  if (!(name in STORY_COMPONENTS)) {
    problems.push({
      line,
      message: `Thẻ <${name || '>'}> không được phép trong bài. Chỉ dùng: ${Object.keys(STORY_COMPONENTS)
        .map((c) => `<${c}>`)
        .join(', ')}.`,
    });
    node.children = [];
    return;
  }
  const spec = STORY_COMPONENTS[name as ComponentName];
  const attributes: Record<string, string> = {};
  const written = new Set(node.attributes.map((attribute) => attribute.name));
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') {
      problems.push({ line, message: `Thuộc tính của <${name}> phải là chữ trong dấu nháy, ví dụ <${name} ${spec.required[0]}="…" />.` });
      continue;
    }
    if (![...spec.required, ...spec.optional].includes(attribute.name as never)) {
      problems.push({ line, message: `<${name}> không có thuộc tính "${attribute.name}".` });
      continue;
    }
    attributes[attribute.name!] = attribute.value.normalize('NFC');
  }
  for (const required of spec.required) {
    if (!written.has(required) || attributes[required]?.trim() === '') problems.push({ line, message: `<${name}> thiếu thuộc tính ${required}="…".` });
  }
  if (name === 'Figure') convertFigure(node, line, attributes, check);
  else if (name === 'Quote') convertQuote(node, attributes);
}

function convertFigure(node: JsxNode, line: number | undefined, attributes: Record<string, string>, { problems, photoCount, photoRefs }: TreeCheck) {
  if (node.type === 'mdxJsxTextElement') {
    problems.push({ line, message: 'Đặt <Figure … /> trên một dòng riêng, cách đoạn văn trước và sau một dòng trống.' });
  }
  const n = Number(attributes.photo);
  if (attributes.photo !== undefined && !(Number.isInteger(n) && n >= 1 && n <= photoCount)) {
    problems.push({
      line,
      message: `<Figure photo="${attributes.photo}" />: bài có ${photoCount} ảnh trong mục photos, hãy ghi số từ 1 đến ${photoCount}.`,
    });
  } else if (attributes.photo !== undefined) {
    photoRefs.push(n);
  }
  node.children = [];
  node.data = { hName: 'gs-photo', hProperties: { dataN: String(n) } };
}

function convertQuote(node: JsxNode, attributes: Record<string, string>) {
  const caption = [attributes.by, attributes.role].filter(Boolean).join(', ');
  node.data = { hName: 'figure', hProperties: { className: ['quote'] }, speaker: { by: attributes.by, role: attributes.role } };
  const phrasing = node.children.every((child) => !['paragraph', 'list', 'heading', 'blockquote', 'table'].includes(child.type));
  node.children = [
    { type: 'blockquote', children: phrasing ? [{ type: 'paragraph', children: node.children }] : node.children } as RootContent,
    { type: 'paragraph', data: { hName: 'figcaption' }, children: [{ type: 'text', value: caption }] } as RootContent,
  ];
}

/** A heading gets an anchor of its own, unique in the story, and is listed for the page's table of contents. */
function anchorHeading(heading: Heading, line: number | undefined, { problems, headings, usedSlugs }: TreeCheck) {
  if (heading.depth === 1) {
    problems.push({ line, message: 'Không dùng tiêu đề cấp 1 (#) trong bài: tên bài đã là tiêu đề cấp 1. Dùng ## hoặc ###.' });
  }
  const text = textOf(heading);
  let id = slugify(text) || 'muc';
  for (let n = 2; usedSlugs.has(id); n++) id = `${slugify(text) || 'muc'}-${n}`;
  usedSlugs.add(id);
  heading.data = { ...heading.data, hProperties: { id } };
  headings.push({ depth: heading.depth, slug: id, text });
}

/** Checks every node of the tree, refusing what a story may not hold; components and headings are prepared on the way. */
function checkNode(node: RootContent | Root, check: TreeCheck): void {
  const { problems } = check;
  const line = node.position?.start.line;
  switch (node.type) {
    case 'mdxjsEsm':
      problems.push({ line, message: 'Không dùng import/export trong bài: bài viết chỉ gồm chữ và các thành phần Figure, Quote.' });
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      problems.push({ line, message: 'Không dùng biểu thức {…} trong bài. Muốn viết dấu ngoặc nhọn thì viết \\{ và \\}.' });
      return;
    case 'image':
    case 'imageReference':
      problems.push({
        line,
        message: 'Không chèn ảnh bằng ![…](…). Khai báo ảnh trong mục photos (có mô tả alt) rồi chèn bằng <Figure photo="2" />.',
      });
      return;
    case 'html':
      problems.push({ line, message: 'Không dùng mã HTML trong bài.' });
      return;
    case 'link':
    case 'definition':
      if (!/^(https?:|mailto:|\/|#|\.\.?\/)/i.test(node.url.trim())) {
        problems.push({ line, message: `Liên kết "${node.url}" không được phép: chỉ dùng địa chỉ http(s) hoặc đường dẫn trong trang.` });
      }
      break;
    case 'heading':
      anchorHeading(node as Heading, line, check);
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      convertComponent(node as unknown as JsxNode, line, check);
      break;
  }
  if ('children' in node) {
    // A component written alone on a line is parsed as a paragraph holding it; it is a block of its own.
    node.children = (node.children as RootContent[]).map((child) => {
      if (child.type !== 'paragraph') return child;
      const parts = child.children.filter((part) => !(part.type === 'text' && part.value.trim() === ''));
      const only = parts[0];
      return parts.length === 1 && only.type === 'mdxJsxTextElement' ? ({ ...only, type: 'mdxJsxFlowElement' } as RootContent) : child;
    }) as typeof node.children;
    for (const child of node.children) checkNode(child as RootContent, check);
  }
}

/** remark-rehype drops MDX nodes; under a type of its own a checked component becomes the element its data names. */
function renameComponents(node: RootContent | Root) {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    (node as { type: string }).type = 'storyComponent';
  }
  if ('children' in node) node.children.forEach((child) => renameComponents(child as RootContent));
}

export function compileStory(source: string, photoCount: number): { story?: CompiledStory; problems: BodyProblem[] } {
  let tree: Root;
  try {
    tree = parse(source);
  } catch (error) {
    // The parser's message starts with "line:column: " and ends with its rule name in brackets.
    const [, line, reason] = /^(?:(\d+):\d+: )?([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/.exec((error as Error).message)!;
    return { problems: [{ line: line ? Number(line) : undefined, message: `Không đọc được nội dung bài: ${explainSyntaxError(reason!)}` }] };
  }
  const check: TreeCheck = { photoCount, problems: [], headings: [], usedSlugs: new Set(), photoRefs: [] };
  checkNode(tree, check);
  if (check.problems.length > 0) return { problems: check.problems };
  const blocks = storyBlocks(tree);
  renameComponents(tree);
  const html = toHtml.stringify(toHtml.runSync(tree)) as string;
  return { story: { html, headings: check.headings, photoRefs: check.photoRefs, blocks }, problems: check.problems };
}

type Speaker = { by: string; role?: string };
const speakerOf = (node: RootContent) => (node.data as { speaker?: Speaker } | undefined)?.speaker;

/** Text of inline content on one line; a quotation inside a sentence keeps its quotation marks. */
function plainText(node: RootContent | Root): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  const speaker = speakerOf(node as RootContent);
  if (speaker) return `“${plainText((node as JsxNode).children[0])}”`;
  if (!('children' in node)) return '';
  return (node.children as RootContent[]).map(plainText).join('').replace(/\s+/g, ' ').trim();
}

/** The checked tree as blocks of plain text, read from the tree the HTML is made from. */
function storyBlocks(tree: Root): StoryBlock[] {
  const blocks: StoryBlock[] = [];
  const paragraph = (text: string) => text && blocks.push({ kind: 'paragraph', text });
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      const speaker = speakerOf(node);
      if (speaker) {
        const said = ((node as JsxNode).children[0] as { children: RootContent[] }).children.map(plainText).filter(Boolean).join(' ');
        blocks.push({ kind: 'quote', text: said, ...speaker });
      } else if (node.type === 'heading') {
        blocks.push({ kind: 'heading', text: plainText(node) });
      } else if (node.type === 'paragraph') {
        paragraph(plainText(node));
      } else if (node.type === 'tableRow') {
        paragraph(node.children.map(plainText).filter(Boolean).join(', '));
      } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'table') {
        walk(node.children as RootContent[]);
      }
    }
  };
  walk(tree.children);
  return blocks;
}
