/**
 * The flags of the editors' command-line tools (npm run new, npm run radio, npm run place, npm run places:import): one description
 * each, from which the help text is written and against which what was typed is read. A flag the tool does not know, a flag without its
 * value or a missing required flag stops the tool before it reads or writes anything, with a message in Vietnamese:
 * a mistyped flag silently ignored would make a file the editor did not ask for.
 */
import { parseArgs } from 'node:util';

export interface FlagSpec {
  /** What to write after the flag, e.g. `"Nguyễn Văn An"` or `01/11/2026`. */
  value: string;
  /** What it is, in Vietnamese. */
  help: string;
  /** Required when the tool is run with flags. */
  required?: boolean;
}

export type FlagSpecs = Record<string, FlagSpec>;

export const NEW_FLAGS = {
  ten: { value: '"Nguyễn Văn An"', help: 'họ tên hoặc tên tập thể, mô hình', required: true },
  loai: { value: 'ca-nhan', help: 'loại điển hình', required: true },
  nhom: { value: 'nong-dan', help: 'nhóm xã hội của cá nhân (chỉ với --loai ca-nhan), để thống kê' },
  noi: { value: 'xa-sai-son-quoc-oai', help: 'mã địa danh (xem content/places/)', required: true },
  'linh-vuc': { value: 'cuu-nguoi', help: 'một hay nhiều mã lĩnh vực, cách nhau bằng dấu phẩy', required: true },
  'trich-dan': { value: '"…"', help: 'việc làm được ghi nhận, một hai câu', required: true },
  'phong-trao': { value: 'mã,mã', help: 'mã phong trào (xem content/campaigns/)' },
  anh: { value: 'ảnh.jpg', help: 'tệp ảnh JPEG, PNG, WebP hoặc AVIF; cần --mo-ta-anh' },
  'mo-ta-anh': { value: '"…"', help: 'câu mô tả ảnh cho người không xem được ảnh' },
} as const satisfies FlagSpecs;

export const RADIO_FLAGS = {
  tu: { value: '01/11/2026', help: 'ngày đầu của khoảng thời gian', required: true },
  den: { value: '21/11/2026', help: 'ngày cuối của khoảng thời gian', required: true },
  phut: { value: '15', help: 'thời lượng tối đa của bản tin, số phút (mặc định theo cài đặt trang)' },
  'phong-trao': { value: 'mã', help: 'chỉ các điển hình của một phong trào' },
  xa: { value: 'mã', help: 'chỉ các điển hình của một xã, phường hay huyện cũ và các đơn vị nó đã nhập vào' },
  ra: { value: 'tệp.txt', help: 'tên tệp ghi bản tin' },
} as const satisfies FlagSpecs;

export const PLACE_FLAGS = {
  ten: { value: '"Thạch Thán"', help: 'tên đơn vị, có dấu hoặc không, tên cũ hoặc mới; có thể thêm tên huyện, tỉnh', required: true },
} as const satisfies FlagSpecs;

export const PLACES_IMPORT_FLAGS = {
  bang: { value: 'bang-chuyen-doi.csv', help: 'bảng chuyển đổi ĐVHC mới – cũ của Cục Thống kê, dạng CSV', required: true },
} as const satisfies FlagSpecs;

/** One command line, required flags first and the others in brackets, then one line per flag. */
export function usage(command: string, specs: FlagSpecs): string {
  const entries = Object.entries(specs);
  const call = (required: boolean) =>
    entries
      .filter(([, spec]) => Boolean(spec.required) === required)
      .map(([name, spec]) => (required ? `--${name} ${spec.value}` : `[--${name} ${spec.value}]`))
      .join(' ');
  const width = Math.max(...entries.map(([name]) => name.length)) + 4;
  const lines = entries.map(([name, spec]) => `  ${`--${name}`.padEnd(width)}${spec.help}${spec.required ? ' (bắt buộc)' : ''}`);
  return `  npm run ${command} -- ${call(true)}\n      ${call(false)}\n\n${lines.join('\n')}`;
}

export type FlagValues<S extends FlagSpecs> = { [K in keyof S]?: string };

/**
 * The flags typed, or the Vietnamese reason they cannot be used. `--help` is answered by the caller. Without any
 * flag, `interactive` says the tool may ask its questions instead, and required flags are not demanded.
 */
export function readFlags<S extends FlagSpecs>(
  argv: readonly string[],
  specs: S,
  { interactive = false } = {},
): { values: FlagValues<S>; help: boolean } | { error: string } {
  const options = Object.fromEntries(Object.keys(specs).map((name) => [name, { type: 'string' as const }]));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (error) {
    const { code } = error as { code?: string };
    const known = Object.keys(specs)
      .map((name) => `--${name}`)
      .join(', ');
    const typed = /'([^']*)'/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { error: `Không có tuỳ chọn "${typed}". Các tuỳ chọn: ${known}.` };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { error: `Tuỳ chọn "${typed.split(' ')[0]}" cần một giá trị ngay sau nó.` };
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      return { error: `Không hiểu "${typed}": mỗi giá trị phải đứng sau một tuỳ chọn (${known}); giá trị có dấu cách đặt trong dấu nháy kép.` };
    return { error: `Không đọc được các tuỳ chọn: ${known}.` };
  }
  const values = parsed.values as FlagValues<S> & { help?: boolean };
  if (values.help) return { values, help: true };
  const given = Object.keys(specs).filter((name) => values[name] !== undefined);
  const empty = given.filter((name) => values[name]!.trim() === '');
  if (empty.length > 0) return { error: `Tuỳ chọn ${empty.map((name) => `--${name}`).join(', ')} để trống: ghi giá trị hoặc bỏ tuỳ chọn.` };
  if (!(interactive && given.length === 0)) {
    const missing = Object.entries(specs).filter(([name, spec]) => spec.required && values[name] === undefined);
    if (missing.length > 0) return { error: `Thiếu ${missing.map(([name]) => `--${name}`).join(', ')}.` };
  }
  return { values, help: false };
}

/**
 * The flags typed, for a tool's first lines: a mistake stops the tool with its reason and the usage, and --help
 * prints the usage and stops, both before anything is read or written.
 */
export function flagsOrExit<S extends FlagSpecs>(argv: readonly string[], specs: S, usageText: string, options: { interactive?: boolean } = {}): FlagValues<S> {
  const read = readFlags(argv, specs, options);
  if ('error' in read) {
    console.error(`${read.error}\n\n${usageText}`);
    process.exit(1);
  }
  if (read.help) {
    console.log(usageText);
    process.exit(0);
  }
  return read.values;
}

export const ACCOUNT_FLAGS = {
  ten: { value: 'thu', help: 'tên đăng nhập: chữ thường không dấu, số, dấu chấm, gạch ngang', required: true },
  'ho-ten': { value: '"Nguyễn Minh Thư"', help: 'họ tên người dùng, ghi vào lịch sử mỗi lần lưu, duyệt (với them)' },
  'vai-tro': { value: 'bien-tap-vien,lanh-dao', help: 'một hay nhiều vai trò, cách nhau bằng dấu phẩy: bien-tap-vien, lanh-dao, quan-tri (với them, vai-tro)' },
} as const satisfies FlagSpecs;
