/**
 * Abbreviations an announcer must not spell out, in one table. Each is matched as written (case matters: "TTg",
 * "Tp.") and only as a whole word, where "whole" counts Vietnamese letters as letters, so "ND" is never found
 * inside "HĐND". Abbreviations with more than one common meaning are left out on purpose (see AMBIGUOUS).
 */
import { escapeRegExp } from '../text.ts';

export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // Bodies and organisations
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  UBMTTQ: 'Ủy ban Mặt trận Tổ quốc',
  MTTQ: 'Mặt trận Tổ quốc',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  ĐBQH: 'đại biểu Quốc hội',
  BCH: 'Ban Chấp hành',
  BTV: 'Ban Thường vụ',
  TW: 'Trung ương',
  TƯ: 'Trung ương',
  TTg: 'Thủ tướng Chính phủ',
  HTX: 'hợp tác xã',
  CLB: 'câu lạc bộ',
  CCB: 'cựu chiến binh',
  ĐTN: 'Đoàn Thanh niên',
  TNCS: 'Thanh niên Cộng sản',
  HCM: 'Hồ Chí Minh',
  LHPN: 'Liên hiệp Phụ nữ',
  TNXP: 'thanh niên xung phong',
  TNTN: 'thanh niên tình nguyện',
  BQL: 'ban quản lý',
  'VH-TT-TT': 'Văn hóa, Thông tin và Thể thao',
  'VH-TT&TT': 'Văn hóa, Thông tin và Thể thao',
  'VHTT&TT': 'Văn hóa, Thông tin và Thể thao',
  'GD&ĐT': 'Giáo dục và Đào tạo',
  'LĐ-TB&XH': 'Lao động, Thương binh và Xã hội',
  // Places
  'TP.HCM': 'thành phố Hồ Chí Minh',
  TPHCM: 'thành phố Hồ Chí Minh',
  'TP.': 'thành phố',
  'Tp.': 'thành phố',
  TP: 'thành phố',
  'TX.': 'thị xã',
  TDP: 'tổ dân phố',
  KDC: 'khu dân cư',
  NVH: 'nhà văn hóa',
  ĐBSCL: 'đồng bằng sông Cửu Long',
  // Documents
  QĐ: 'quyết định',
  KH: 'kế hoạch',
  NQ: 'nghị quyết',
  CT: 'chỉ thị',
  NĐ: 'nghị định',
  // Schools and titles
  THCS: 'trung học cơ sở',
  THPT: 'trung học phổ thông',
  'GS.': 'giáo sư',
  'PGS.': 'phó giáo sư',
  'TS.': 'tiến sĩ',
  'ThS.': 'thạc sĩ',
  // Programmes and fields
  NTM: 'nông thôn mới',
  ATGT: 'an toàn giao thông',
  ANTT: 'an ninh trật tự',
  ANTQ: 'an ninh Tổ quốc',
  CSGT: 'cảnh sát giao thông',
  PCCC: 'phòng cháy, chữa cháy',
  PCTT: 'phòng, chống thiên tai',
  'KT-XH': 'kinh tế, xã hội',
  KTXH: 'kinh tế, xã hội',
  BHYT: 'bảo hiểm y tế',
  BHXH: 'bảo hiểm xã hội',
  CNTT: 'công nghệ thông tin',
  KHCN: 'khoa học và công nghệ',
  SXKD: 'sản xuất, kinh doanh',
  'v.v.': 'vân vân',
};

/**
 * Left as written because the reader cannot tell which is meant: CP (Chính phủ or cổ phần), TB (thông báo or
 * trung bình), BC (báo cáo or bán công), CA (công an or ca trực), TT (thông tư, thị trấn or trung tâm), HS (học
 * sinh or hồ sơ), ND (nông dân or người dùng), GV, TU/HU (tỉnh ủy, huyện ủy, rare outside document numbers).
 */
export const AMBIGUOUS = ['CP', 'TB', 'BC', 'CA', 'TT', 'HS', 'ND', 'GV', 'TU', 'HU'] as const;

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

/** A matcher for one abbreviation as a whole word; one that ends in a dot may be followed by anything. */
export function abbreviationPattern(abbreviation: string, flags = 'gu'): RegExp {
  const after = /[\p{L}\p{N}]$/u.test(abbreviation) ? NOT_WORD_AFTER : '';
  return new RegExp(`${NOT_WORD_BEFORE}${escapeRegExp(abbreviation)}${after}`, flags);
}

// Longest first, so that "TP.HCM" is read before "TP." and "UBMTTQ" before "MTTQ".
const ALL = new RegExp(
  Object.keys(ABBREVIATIONS)
    .sort((a, b) => b.length - a.length)
    .map((a) => abbreviationPattern(a).source)
    .join('|'),
  'gu',
);

export function expandAbbreviations(text: string): string {
  return text.replace(ALL, (match) => ABBREVIATIONS[match]);
}
