/**
 * Document numbers read so that a listener understands them. "Quyết định số 123/QĐ-UBND" becomes "Quyết định số
 * một trăm hai mươi ba": the filing code after the slash only repeats the kind of document and the body that
 * issued it, which the sentence says anyway. A year inside the number is read as a year ("Nghị quyết số 202/2025/QH15"
 * → "… số hai trăm linh hai năm hai nghìn không trăm hai mươi lăm"). Where the sentence does not name the kind of
 * document and has no "số", the code does: "theo 45/KH-UBND" → "theo kế hoạch số bốn mươi lăm".
 */
import { spokenInteger } from './numbers.ts';

/** Kinds of document as the code writes them (Decree 30/2020/NĐ-CP, appendix; party documents alike). */
const KIND_CODES: Readonly<Record<string, string>> = {
  QĐ: 'quyết định',
  KH: 'kế hoạch',
  NQ: 'nghị quyết',
  CT: 'chỉ thị',
  NĐ: 'nghị định',
  TT: 'thông tư',
  TB: 'thông báo',
  BC: 'báo cáo',
  HD: 'hướng dẫn',
  TTr: 'tờ trình',
  BB: 'biên bản',
  CĐ: 'công điện',
  KL: 'kết luận',
  QĐi: 'quy định',
};

/** Kinds of document a sentence names before the number. */
const KIND_WORDS = [
  'quyết định',
  'kế hoạch',
  'nghị quyết',
  'chỉ thị',
  'nghị định',
  'thông tư',
  'thông báo',
  'báo cáo',
  'hướng dẫn',
  'tờ trình',
  'biên bản',
  'công điện',
  'công văn',
  'kết luận',
  'quy định',
  'luật',
  'pháp lệnh',
];

/** First letter in either case: "Quyết định" at the start of a sentence, "quyết định" inside one. */
const eitherCase = (word: string) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
const KIND = `(?<kind>${KIND_WORDS.map(eitherCase).join('|')})`;
const CODE = '[A-ZĐ][\\p{L}\\d]*(?:-[\\p{L}\\d]+)*';
const NUMBER =
  // 202/2025/QH15, 98/2023/NĐ-CP | 123/QĐ-UBND, 19/CT-TTg | 19-CT/TU, 34-CT/TW | /KH-UBND (a draft without number)
  `(?:(?<n1>\\d+)\\/(?<year>\\d{4})\\/(?<code1>${CODE})|(?<n2>\\d+)\\/(?<code2>${CODE})|(?<n3>\\d+)-(?<code3>[A-ZĐ][\\p{L}]*)\\/[A-ZĐ][\\p{L}\\d]*|\\/(?<code4>${CODE}))`;
const DOCUMENT = new RegExp(`(?:${KIND}\\s+)?(?:(?<so>[Ss]ố)\\s*)?(?<![\\p{L}\\p{N}/])${NUMBER}(?![\\p{L}\\p{N}/])`, 'gu');

export function speakDocumentNumbers(text: string): string {
  return text.replace(DOCUMENT, (...args) => {
    const groups = args.at(-1) as Record<string, string | undefined>;
    const number = groups.n1 ?? groups.n2 ?? groups.n3;
    const code = groups.code1 ?? groups.code2 ?? groups.code3 ?? groups.code4 ?? '';
    // "Quyết định khen thưởng số 12/QĐ-UBND" names the kind already, further back than the word before "số".
    const kind = groups.kind ?? (groups.so ? undefined : KIND_CODES[code.split('-')[0]]);
    const spoken = number === undefined ? '' : `${groups.so ?? 'số'} ${spokenInteger(number)}${groups.year ? ` năm ${spokenInteger(groups.year)}` : ''}`;
    return [kind, spoken].filter(Boolean).join(' ');
  });
}
