/**
 * Reads content files the way editors write them: YAML frontmatter (or plain YAML) plus an MDX body, with line
 * numbers kept so that every problem can point at the line to fix. Used both by the collection loaders and by the
 * content check, so the two can never disagree about what a file says.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Document } from 'yaml';
import { slugify, toNfc } from '../text.ts';

/** Something an editor has to fix. */
export interface Problem {
  /** File path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in that file, where known. */
  line?: number;
  /** Field path such as "awards[0].date", where the problem is in one field. */
  field?: string;
  /** What is wrong and how to fix it, in Vietnamese. */
  message: string;
}

type PathSegment = string | number;

/** One parsed YAML document with a way back from a field path to its line in the file. */
export interface YamlSource {
  data: unknown;
  lineOf(fieldPath: readonly PathSegment[]): number | undefined;
}

/** A content file split into its frontmatter and body. */
export interface EntrySource extends YamlSource {
  /** Path relative to the project root. */
  file: string;
  /** Id folded from the file name. */
  id: string;
  /** Story body (MDX) as written, in NFC. */
  body: string;
  /** Line of the file on which the body starts, so body problems can be reported by file line. */
  bodyLine: number;
  /** Raw text, for change detection. */
  raw: string;
}

export function formatField(fieldPath: readonly PathSegment[]): string {
  return fieldPath.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/**
 * Parses YAML as YAML 1.2 core, in which dates stay text (so they can be read unambiguously later) and duplicate
 * keys are errors. `lineOffset` is the number of lines before the YAML in its file.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): { source?: YamlSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc: Document.Parsed = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        file,
        line: error.linePos ? error.linePos[0].line + lineOffset : undefined,
        message: `Lỗi cú pháp YAML: ${describeYamlError(error.code)} Kiểm tra dấu hai chấm, thụt lề bằng dấu cách và dấu nháy ở dòng này.`,
      })),
    };
  }
  const lineOf = (fieldPath: readonly PathSegment[]) => {
    // Walk down as far as the path exists, so that a missing field points at its parent.
    let node: unknown = doc.contents;
    let offset = (node as { range?: [number] } | null)?.range?.[0];
    for (const segment of fieldPath) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === segment);
        if (!pair) break;
        offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        offset = (node as { range?: [number] }).range?.[0] ?? offset;
      } else break;
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line + lineOffset;
  };
  return { source: { data: normalizeStrings(doc.toJS()), lineOf }, problems: [] };
}

function describeYamlError(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'một trường được ghi hai lần.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'thụt lề hoặc ký tự chưa đúng.';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'thiếu dấu hai chấm sau tên trường, hoặc một dòng chữ bị xuống dòng không đúng chỗ.';
    case 'TAB_AS_INDENT':
      return 'dòng được thụt lề bằng phím Tab; YAML chỉ nhận dấu cách: thay mỗi Tab bằng hai dấu cách.';
    case 'BAD_DQ_ESCAPE':
      return 'dấu \\ trong dấu nháy kép phải viết thành \\\\, hoặc đặt đoạn chữ trong dấu nháy đơn.';
    case 'BAD_SCALAR_START':
      return 'đoạn chữ bắt đầu bằng một ký tự đặc biệt (@, `, %, |, >…): đặt cả đoạn trong dấu nháy kép.';
    case 'MULTIPLE_DOCS':
      return 'có thêm một dòng --- ở giữa phần khai báo: chỉ giữ dòng --- đầu và cuối.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return 'có ký tự không đúng chỗ (thường là dấu hai chấm hoặc dấu nháy trong đoạn chữ: hãy đặt cả đoạn trong dấu nháy kép).';
    default:
      return `cú pháp chưa đúng (${code}).`;
  }
}

/**
 * A string that holds only its own characters. V8 keeps a value parsed out of a file as a slice of the file's whole
 * text (from 13 characters on), so a name kept in the content store kept the file, story and all: every file twice
 * in the build's memory (the content check's model and Astro's store), 1.5 GB of its heap at 100,000 exemplars.
 */
const ownString = (text: string): string => (text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string));

/** Every string is stored as NFC (files saved on macOS or pasted from Word arrive as NFD), and as its own string. */
function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return ownString(toNfc(value));
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [toNfc(key), normalizeStrings(inner)]));
  }
  return value;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The id of an entry file: its name folded to an ASCII slug ("Đặng Thị Hoà.mdx" → "dang-thi-hoa"), or the folder
 * name for "…/index.mdx", so that a story can keep its photos in a folder of its own.
 */
export function idFromFile(file: string): string {
  const normalized = toNfc(file).replace(/\\/g, '/');
  const base = path.posix.basename(normalized).replace(/\.(mdx|md|ya?ml)$/i, '');
  const name = base === 'index' ? path.posix.basename(path.posix.dirname(normalized)) : base;
  return slugify(name);
}

/** Splits and parses one MDX file. */
export function parseEntry(raw: string, file: string): { entry?: EntrySource; problems: Problem[] } {
  const text = raw.replace(/^\uFEFF/, '');
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      problems: [
        {
          file,
          line: 1,
          message: 'Tệp phải bắt đầu bằng phần thông tin nằm giữa hai dòng "---", sau đó mới đến nội dung bài.',
        },
      ],
    };
  }
  const { source, problems } = parseYaml(match[1], file, 1);
  if (!source) return { problems };
  if (!source.data || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return { problems: [{ file, line: 2, message: 'Phần thông tin giữa hai dòng "---" phải gồm các trường dạng "tên: giá trị".' }] };
  }
  const bodyLine = match[0].split('\n').length;
  return {
    entry: { ...source, file, id: idFromFile(file), body: toNfc(text.slice(match[0].length)), bodyLine, raw },
    problems: [],
  };
}

/** Lists files below a folder, relative to the project root, in a stable order. */
export async function listFiles(root: string, dir: string, extensions: RegExp): Promise<string[]> {
  const absolute = path.join(root, dir);
  let names: string[];
  try {
    names = (await readdir(absolute, { recursive: true })) as string[];
  } catch {
    return [];
  }
  return names
    .filter((name) => extensions.test(name) && !path.basename(name).startsWith('.') && !path.basename(name).startsWith('_'))
    .map((name) => path.posix.join(dir, name.split(path.sep).join('/')))
    .sort();
}

export async function readEntryFile(root: string, file: string) {
  return parseEntry(await readFile(path.join(root, file), 'utf8'), file);
}

/** Reads a YAML file holding a list of records (places, awards), each with its own id. */
export async function readYamlList(root: string, file: string): Promise<{ items: (YamlSource & { index: number })[]; problems: Problem[] }> {
  const { source, problems } = parseYaml(await readFile(path.join(root, file), 'utf8'), file);
  if (!source) return { items: [], problems };
  if (!Array.isArray(source.data)) {
    return { items: [], problems: [{ file, line: 1, message: 'Tệp này phải là một danh sách, mỗi mục bắt đầu bằng "- id: …".' }] };
  }
  return {
    items: source.data.map((data, index) => ({
      data,
      index,
      lineOf: (fieldPath: readonly PathSegment[]) => source.lineOf([index, ...fieldPath]),
    })),
    problems: [],
  };
}
