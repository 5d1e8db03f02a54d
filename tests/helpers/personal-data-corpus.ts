/**
 * Personal data as editors write it, and numbers that only look like it: each variant is one sentence of a story
 * or one field, with at most one piece of personal data in it. The people, numbers and addresses are made up.
 *
 * Every variant is a test of the detector, of the content check (in a story line and in a field) and of the output
 * check (in a page, a feed, a JSON listing and a search fragment): see personal-data-corpus.test.ts.
 */

export type Kind = 'phone' | 'id' | 'email';

export interface Variant {
  /** The sentence or field as written, in NFC unless `nfd`. */
  text: string;
  /** The kind of personal data in it, or null when there is none. */
  expect: Kind | null;
  /** Why it is there: what it shows about the rule. */
  note: string;
  /** Which field of an exemplar holds it when put in a field: `citation` unless said (a role is at most 150 characters). */
  field?: 'role' | 'citation';
  /** Written in decomposed Unicode, as pasted from some word processors and Mac file names. */
  nfd?: boolean;
}

/** Contacts the fixture's settings list as public: they may appear in any spelling. */
export const CORPUS_PUBLIC_CONTACTS = ['0234 3888 000', 'lienhe@ttvh.example.vn'];

const variants: Variant[] = [
  // Citizen IDs (CCCD: 12 digits, from 0; CMND: 9 digits).
  { text: 'Bà Hoa kể: "Số căn cước của tôi là 001203004567."', expect: 'id', note: 'the reported case: the full stop right after the number' },
  { text: 'Anh Bình (CCCD 001203004567, cấp ngày 12/8/2021) đã hiến 200 mét vuông đất.', expect: 'id', note: 'before a comma, next to a date' },
  { text: 'CCCD: 001 203 004 567', expect: 'id', note: 'grouped by spaces, as printed on the card', field: 'role' },
  { text: 'Số định danh cá nhân 001.203.004.567; nơi thường trú thôn Đông.', expect: 'id', note: 'grouped by dots, then a semicolon' },
  { text: 'Căn cước công dân: 001-203-004-567.', expect: 'id', note: 'grouped by dashes' },
  { text: 'Ông Tâm gửi ảnh thẻ CCCD001203004567 để làm hồ sơ.', expect: 'id', note: 'glued to the cue word', field: 'role' },
  { text: 'Chị Mai ghi số001203004567 vào đơn.', expect: 'id', note: 'glued to a Vietnamese letter' },
  { text: 'Bà ghi CCCD001203004567của mình vào phiếu.', expect: 'id', note: 'glued to letters on both sides, after a cue word' },
  { text: 'Giấy tờ kèm theo: bản sao căn cước (001203004567).', expect: 'id', note: 'in brackets' },
  { text: 'Trong đơn ghi “CCCD số 001203004567”.', expect: 'id', note: 'in curly quotes' },
  { text: 'Số căn cước 001203004567…', expect: 'id', note: 'before an ellipsis', field: 'role' },
  { text: 'Ông khai số căn cước là 001203004567 và hẹn ngày nhận.', expect: 'id', note: 'in decomposed Unicode', nfd: true },
  { text: 'Số CMND cũ: 012 345 678.', expect: 'id', note: 'an old ID card, nine digits grouped, from 0' },
  { text: 'CMND số 123.456.789 do Công an tỉnh cấp năm 2010.', expect: 'id', note: 'nine digits grouped by thousands: an ID only because of the cue word' },
  { text: 'Chứng minh nhân dân 123456789, cấp tại Thái Bình.', expect: 'id', note: 'nine digits in one run, then a comma' },
  { text: 'Mã hồ sơ của ông là 123456789.', expect: 'id', note: 'nine digits in one run, no cue word: refused all the same' },
  { text: 'Chị Lan, CMND: 012345678', expect: 'id', note: 'after a colon, at the end of a field', field: 'role' },
  { text: 'Số căn cước 001 203 004 567 của bà được ghi nhầm.', expect: 'id', note: 'in decomposed Unicode, grouped by spaces', nfd: true },

  // Phone numbers.
  { text: 'Muốn ủng hộ, bà con gọi anh Bình: 0912 345 678.', expect: 'phone', note: 'a mobile number grouped 4-3-3, full stop after' },
  { text: 'Số điện thoại của chị là 0912.345.678, gọi sau 17 giờ.', expect: 'phone', note: 'grouped by dots, comma after' },
  { text: 'SĐT: 0912-345-678', expect: 'phone', note: 'grouped by dashes', field: 'role' },
  { text: 'Liên hệ ông Hùng (0987654321) để nhận quà.', expect: 'phone', note: 'in brackets' },
  { text: 'Zalo 091 234 5678 của tổ thiện nguyện.', expect: 'phone', note: 'grouped 3-3-4 after "Zalo"' },
  { text: 'Anh Dũng, điện thoại +84 912 345 678.', expect: 'phone', note: 'with the country code' },
  { text: 'Gọi (+84) 912.345.678 để đăng ký.', expect: 'phone', note: 'the country code in brackets' },
  { text: 'Số di động 84912345678 (anh Khoa).', expect: 'phone', note: 'the country code without "+", glued' },
  { text: 'ĐT: +84 0912 345 678.', expect: 'phone', note: 'the country code and the 0 both written' },
  { text: 'Chị Hằng, SĐT0987654321, là tổ trưởng.', expect: 'phone', note: 'glued to the cue word', field: 'role' },
  { text: 'Điện thoại nhà: 024 3838 1234.', expect: 'phone', note: 'a Hà Nội landline with its area code' },
  { text: 'Gọi về trạm y tế xã (0234) 3 822 123 nếu cần.', expect: 'phone', note: 'a landline with its area code in brackets' },
  { text: 'Máy bàn của gia đình: 0234.3822123', expect: 'phone', note: 'a landline grouped by a dot', field: 'role' },
  { text: 'Hotline của nhóm: +84 24 3838 1234.', expect: 'phone', note: 'a landline with the country code' },
  { text: 'ĐT: 3822 123 (nhà riêng).', expect: 'phone', note: 'a local number without its area code, right after "ĐT:"' },
  { text: 'Mọi người nhắn qua Zalo 0912 **345** 678.', expect: 'phone', note: 'emphasis in the middle of the number' },
  { text: 'Số điện thoại của ông là 0912 345 678.', expect: 'phone', note: 'in decomposed Unicode', nfd: true },
  { text: 'Di động:\u00a00912\u00a0345\u00a0678', expect: 'phone', note: 'grouped by no-break spaces', field: 'role' },
  { text: 'Số cũ của ông là 0168 123 4567.', expect: 'phone', note: 'an 11-digit mobile number of the old numbering' },
  { text: 'Điện thoại: 0912 - 345 - 678.', expect: 'phone', note: 'grouped by dashes between spaces' },
  { text: 'Nhắn tin qua zalo.me/0912345678 để được hỗ trợ.', expect: 'phone', note: 'in a link, after a slash' },

  // E-mail addresses.
  { text: 'Thư góp ý gửi về hoa.nguyen@gmail.com.', expect: 'email', note: 'an ordinary address before a full stop' },
  { text: 'Email: an @ example.com', expect: 'email', note: 'spaces around "@"', field: 'role' },
  { text: 'Liên hệ qua thư: binh (a) example.com', expect: 'email', note: '"(a)" for "@"' },
  { text: 'Địa chỉ thư: binh[at]example.com', expect: 'email', note: '"[at]" for "@"' },
  { text: 'Gửi ảnh về tam (at) example . com nhé.', expect: 'email', note: '"(at)" and a spaced dot' },
  { text: 'Thư điện tử: hoa a còng gmail chấm com', expect: 'email', note: 'spelt out in Vietnamese' },
  { text: 'Hộp thư của đội: doitn@truong.edu.vn', expect: 'email', note: 'a domain of three labels' },
  { text: 'Mọi ý kiến gửi chị Ngọc, hòm thư ngoc.tran@example.com.vn.', expect: 'email', note: 'in decomposed Unicode', nfd: true },

  // Public contacts of the site: allowed however they are written.
  { text: 'Đường dây nóng của Trung tâm: 0234.3888.000.', expect: null, note: 'a public contact, grouped otherwise than in the settings' },
  { text: 'Góp ý xin gửi lienhe@ttvh.example.vn.', expect: null, note: 'a public address' },
  { text: 'Gọi Trung tâm theo số +84 234 3888 000.', expect: null, note: 'a public contact written with the country code' },

  // Numbers that are not personal data.
  { text: 'Quyết định số 1520/QĐ-UBND ngày 15/03/2024 của UBND huyện.', expect: null, note: 'a decision number and a date' },
  { text: 'Thực hiện Kế hoạch 04/KH-BTC và Kế hoạch 177/KH-UBND.', expect: null, note: 'plan numbers' },
  { text: 'Theo Nghị quyết 1656/NQ-UBTVQH15, Luật 06/2022/QH15 và Nghị định 98/2023/NĐ-CP.', expect: null, note: 'legal document numbers' },
  { text: 'Ngày 2024-03-15 và ngày 15.03.2024 là hai cách ghi cùng một ngày.', expect: null, note: 'dates written with dashes and dots' },
  { text: 'Ngày 15 tháng 3 năm 2024, xã tổ chức lễ tuyên dương.', expect: null, note: 'a date in words' },
  { text: 'Gia đình hiến 300 mét vuông đất, trị giá 5.000.000 đồng.', expect: null, note: 'money grouped by thousands' },
  { text: 'Quỹ khuyến học nhận 12,5 triệu đồng.', expect: null, note: 'money with a decimal comma' },
  { text: 'Dự án tổng vốn 1.200.000.000đ.', expect: null, note: 'money glued to "đ": ten digits, not a phone (it does not start with 0)' },
  { text: 'Tổng mức đầu tư 150.000.000.000 đồng.', expect: null, note: 'twelve digits grouped by thousands and a money word: not an ID' },
  { text: 'Hội đã vận động được 123.456.789 đồng.', expect: null, note: 'nine digits grouped by thousands and a money word: not an ID' },
  {
    text: 'Giai đoạn 2021–2025, toàn xã trồng 123 456 789 cây xanh.',
    expect: null,
    note: 'a year range and nine digits grouped by thousands: a count, no cue word',
  },
  { text: 'Phong trào thu hút 1.234 hộ và 120 người tham gia.', expect: null, note: 'counts', field: 'role' },
  { text: 'Tỷ lệ hộ nghèo giảm còn 2,35%, mã xã 09895.', expect: null, note: 'a percentage and a place code' },
  { text: 'Dân số toàn tỉnh 1.860.000 người, diện tích 1.586,35 km².', expect: null, note: 'large counts and a decimal area' },
  { text: 'Năm 2021 - 2025, 12 thôn đạt chuẩn nông thôn mới.', expect: null, note: 'a year range with spaced dash and a count' },
  { text: 'Tổng số 1.234.567.890.123 lượt người tham gia.', expect: null, note: 'thirteen digits grouped by thousands: neither phone nor ID' },
  { text: 'Xem sách ISBN 978-604-1-23456-7 của Nhà xuất bản.', expect: null, note: 'an ISBN' },
  { text: 'Đợt 1 từ 01.03.2024-15.03.2024, đợt 2 từ 2024-04-01.', expect: null, note: 'a date range written with dots and a dash' },
  { text: 'Đoàn kiểm tra lúc 2024-03-15T09:30:00+07:00.', expect: null, note: 'an ISO timestamp' },
  { text: 'Trường có 1.250 học sinh, 86 giáo viên, quỹ 45.000.000 đồng.', expect: null, note: 'counts and money in one sentence', nfd: true },
  { text: 'Hội cựu chiến binh vận động 1.250.000 lượt người ủng hộ.', expect: null, note: 'a count after "vận động", which is no phone word' },
  { text: 'Tổ hoà giải gọi điện cho 3 gia đình trong 2 ngày.', expect: null, note: 'phone words with small numbers' },
  { text: 'Nhận 200 suất quà, mỗi suất 500.000 đ, tổng 100.000.000 đ.', expect: null, note: 'money with a spaced "đ"' },
  { text: 'Theo dõi trang @guongsang.vn và cùng chia sẻ.', expect: null, note: 'an "@" handle, not an address' },
  { text: 'Các bước: (a) lập danh sách, (b) họp thôn.', expect: null, note: 'a list marked (a), (b)' },
];

export const CORPUS: readonly Variant[] = variants;

/** The text as it is written in the file: decomposed when the variant says so. */
export function written(variant: Variant): string {
  return variant.nfd ? variant.text.normalize('NFD') : variant.text;
}
