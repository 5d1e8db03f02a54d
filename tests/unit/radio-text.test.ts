import { describe, expect, it } from 'vitest';
import { spokenDate, spokenInteger, spokenIsoDate, spokenNumber } from '../../src/lib/radio/numbers.ts';
import { speakDocumentNumbers } from '../../src/lib/radio/documents.ts';
import { ABBREVIATIONS, AMBIGUOUS, abbreviationPattern, expandAbbreviations } from '../../src/lib/radio/abbreviations.ts';
import { toSpoken } from '../../src/lib/radio/spoken.ts';
import { countSyllables, readingSeconds, roundedSeconds } from '../../src/lib/radio/duration.ts';
import { formatDuration } from '../../src/lib/format.ts';

describe('spoken numbers', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [31, 'ba mươi mốt'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [2025, 'hai nghìn không trăm hai mươi lăm'],
    [10_000, 'mười nghìn'],
    [1_200_000, 'một triệu hai trăm nghìn'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [2_005_000_000, 'hai tỷ không trăm linh năm triệu'],
    [1_000_000_000_000, 'một nghìn tỷ'],
  ])('%i → %s', (n, words) => {
    expect(spokenInteger(n)).toBe(words);
  });

  it('reads Vietnamese separators: dots group thousands, a comma starts the decimals', () => {
    expect(spokenNumber('1.200.000')).toBe('một triệu hai trăm nghìn');
    expect(spokenNumber('1,5')).toBe('một phẩy năm');
    expect(spokenNumber('0,05')).toBe('không phẩy không năm');
    expect(spokenNumber('12,25')).toBe('mười hai phẩy hai mươi lăm');
  });

  it('reads a number with a leading zero digit by digit', () => {
    expect(spokenNumber('05')).toBe('không năm');
  });

  it.each([
    ['15% số hộ', 'mười lăm phần trăm số hộ'],
    ['1,5 ha rừng', 'một phẩy năm héc-ta rừng'],
    ['hiến 120 m² đất', 'hiến một trăm hai mươi mét vuông đất'],
    ['hiến 120 m2 đất', 'hiến một trăm hai mươi mét vuông đất'],
    ['12 km đường', 'mười hai ki-lô-mét đường'],
    ['3 kg, 2 tấn gạo', 'ba ki-lô-gam, hai tấn gạo'],
    ['1.200.000 đồng', 'một triệu hai trăm nghìn đồng'],
    ['50.000đ và 2.000.000 VNĐ', 'năm mươi nghìn đồng và hai triệu đồng'],
    ['năm 2019', 'năm hai nghìn không trăm mười chín'],
    ['2021 - 2025', 'hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm'],
    ['2/3 số hộ, 17/18 vụ', 'hai phần ba số hộ, mười bảy phần mười tám vụ'],
    ['thứ 4 và thứ 2, giải 1', 'thứ tư và thứ hai, giải nhất'],
    ['lúc 7h30, 19:30 và 7h', 'lúc bảy giờ ba mươi phút, mười chín giờ ba mươi phút và bảy giờ'],
    ['Điều 3: 15 hộ', 'Điều ba: mười lăm hộ'],
  ])('%s → %s', (written, spoken) => {
    expect(toSpoken(written)).toBe(spoken);
  });
});

describe('spoken dates', () => {
  it('reads days 1 to 10 as "mùng" and the fourth month as "tháng tư"', () => {
    expect(spokenDate(15, 3, 2024)).toBe('ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư');
    expect(spokenDate(5, 4)).toBe('ngày mùng năm tháng tư');
    expect(spokenDate(10, 12, 2021)).toBe('ngày mùng mười tháng mười hai năm hai nghìn không trăm hai mươi mốt');
    expect(spokenDate(21, 1, 2025)).toBe('ngày hai mươi mốt tháng một năm hai nghìn không trăm hai mươi lăm');
    expect(spokenIsoDate('2024-03-05')).toBe('ngày mùng năm tháng ba năm hai nghìn không trăm hai mươi tư');
  });

  it('reads a field that holds only a month or a year as the source gave it', () => {
    expect(spokenIsoDate('2022-09')).toBe('tháng chín năm hai nghìn không trăm hai mươi hai');
    expect(spokenIsoDate('2023-04')).toBe('tháng tư năm hai nghìn không trăm hai mươi ba');
    expect(spokenIsoDate('2022')).toBe('năm hai nghìn không trăm hai mươi hai');
  });

  it.each([
    ['15/3/2024', 'ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư'],
    ['ngày 05/03/2024.', 'ngày mùng năm tháng ba năm hai nghìn không trăm hai mươi tư.'],
    ['Ngày 2024-04-04', 'Ngày mùng bốn tháng tư năm hai nghìn không trăm hai mươi tư'],
    ['ngày 5 tháng 3 năm 2022', 'ngày mùng năm tháng ba năm hai nghìn không trăm hai mươi hai'],
    ['tháng 4/2025', 'tháng tư năm hai nghìn không trăm hai mươi lăm'],
    ['từ tháng 4, ngày 20', 'từ tháng tư, ngày hai mươi'],
    ['từ 01/7 đến 31/12', 'từ ngày mùng một tháng bảy đến ngày ba mươi mốt tháng mười hai'],
    ['Đợt 1: đầu năm – 30/6', 'Đợt một: đầu năm đến ngày ba mươi tháng sáu'],
    ['dịp 2/9', 'dịp ngày mùng hai tháng chín'],
    // Partial dates as the pages write them (formatDateLong, formatDateShort, formatDateCited).
    ['trong tháng 9 năm 2022', 'trong tháng chín năm hai nghìn không trăm hai mươi hai'],
    ['Tổng kết: 9/2022', 'Tổng kết: tháng chín năm hai nghìn không trăm hai mươi hai'],
    ['ban hành tháng 3/2023', 'ban hành tháng ba năm hai nghìn không trăm hai mươi ba'],
    ['Từ năm 2021 đến năm 2025', 'Từ năm hai nghìn không trăm hai mươi mốt đến năm hai nghìn không trăm hai mươi lăm'],
  ])('%s → %s', (written, spoken) => {
    expect(toSpoken(written)).toBe(spoken);
  });

  it('leaves an impossible date to be read as numbers, never as another day', () => {
    expect(toSpoken('30/02/2024')).not.toContain('tháng');
  });
});

describe('document numbers', () => {
  it.each([
    ['Quyết định số 123/QĐ-UBND ngày 15/3/2024', 'Quyết định số một trăm hai mươi ba ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư'],
    ['Kế hoạch số 45/KH-UBND', 'Kế hoạch số bốn mươi lăm'],
    ['Nghị quyết số 202/2025/QH15', 'Nghị quyết số hai trăm linh hai năm hai nghìn không trăm hai mươi lăm'],
    ['Nghị định 98/2023/NĐ-CP', 'Nghị định số chín mươi tám năm hai nghìn không trăm hai mươi ba'],
    ['Chỉ thị 19-CT/TU', 'Chỉ thị số mười chín'],
    ['Chỉ thị số 34-CT/TW', 'Chỉ thị số ba mươi tư'],
    ['Chỉ thị 19/CT-TTg', 'Chỉ thị số mười chín'],
  ])('%s → %s', (written, spoken) => {
    expect(toSpoken(written)).toBe(spoken);
  });

  it('names the kind of document from its code when the sentence does not', () => {
    expect(speakDocumentNumbers('theo 45/KH-UBND')).toBe('theo kế hoạch số bốn mươi lăm');
    expect(speakDocumentNumbers('khen thưởng tại 1656/NQ-UBTVQH15')).toBe('khen thưởng tại nghị quyết số một nghìn sáu trăm năm mươi sáu');
  });

  it('does not repeat a kind named further back in the sentence', () => {
    expect(speakDocumentNumbers('Quyết định khen thưởng số 12/QĐ-UBND')).toBe('Quyết định khen thưởng số mười hai');
  });

  it('drops the code of a draft that has no number yet', () => {
    expect(toSpoken('Kế hoạch số /KH-UBND của xã.')).toBe('Kế hoạch của xã.');
  });
});

describe('abbreviations', () => {
  it('expands the common ones', () => {
    expect(toSpoken('Chủ tịch UBND huyện, HĐND và MTTQ xã, TP. Huế, TP.HCM, HTX Đồng Tâm')).toBe(
      'Chủ tịch Ủy ban nhân dân huyện, Hội đồng nhân dân và Mặt trận Tổ quốc xã, thành phố Huế, thành phố Hồ Chí Minh, hợp tác xã Đồng Tâm',
    );
    expect(toSpoken('trường THCS, THPT; CCB, BCH; NTM, ATGT, PCCC, PCTT; KT-XH; CLB; BHYT; TDP; TW')).toBe(
      'trường trung học cơ sở, trung học phổ thông; cựu chiến binh, Ban Chấp hành; nông thôn mới, an toàn giao thông, phòng cháy, chữa cháy, phòng, chống thiên tai; kinh tế, xã hội; câu lạc bộ; bảo hiểm y tế; tổ dân phố; Trung ương',
    );
    expect(toSpoken('Minh Thư, Trung tâm VH-TT-TT')).toBe('Minh Thư, Trung tâm Văn hóa, Thông tin và Thể thao');
  });

  it('matches whole words only, Vietnamese letters included', () => {
    expect(expandAbbreviations('HĐND')).toBe('Hội đồng nhân dân');
    // "CT" and "KH" inside longer words, "Đ" counted as a letter, are left alone.
    expect(expandAbbreviations('CTV, KHĐT, ĐKH, CTĐ')).toBe('CTV, KHĐT, ĐKH, CTĐ');
    expect(abbreviationPattern('ND', 'u').test('HĐND')).toBe(false);
  });

  it('leaves ambiguous abbreviations as written', () => {
    for (const abbreviation of AMBIGUOUS) {
      expect(ABBREVIATIONS[abbreviation]).toBeUndefined();
      expect(expandAbbreviations(`Công ty ${abbreviation} Đông`)).toBe(`Công ty ${abbreviation} Đông`);
    }
  });

  it('leaves none of the table in what it expands', () => {
    for (const abbreviation of Object.keys(ABBREVIATIONS)) {
      const spoken = toSpoken(`Trước ${abbreviation} sau`);
      for (const other of Object.keys(ABBREVIATIONS)) expect(abbreviationPattern(other, 'u').test(spoken), `${abbreviation} → ${spoken}`).toBe(false);
    }
  });
});

describe('brackets, web and e-mail addresses', () => {
  it('turns an aside in brackets into an aside between commas', () => {
    expect(toSpoken('Hợp tác xã Đồng Tâm (xã Vũ Hội) được khen.')).toBe('Hợp tác xã Đồng Tâm, xã Vũ Hội, được khen.');
    expect(toSpoken('Bà Hoà [chi hội trưởng].')).toBe('Bà Hoà, chi hội trưởng.');
  });

  it('drops brackets that only repeat an abbreviation, and empty ones', () => {
    expect(toSpoken('Hợp tác xã (HTX) Đồng Tâm ()')).toBe('Hợp tác xã Đồng Tâm');
  });

  it('drops web and e-mail addresses', () => {
    expect(toSpoken('Xem tại https://guong-sang.example.vn/dien-hinh/ hoặc www.example.vn, hỏi lienhe@example.vn (cong.example.gov.vn).')).toBe(
      'Xem tại hoặc, hỏi.',
    );
  });

  it('leaves no digit and no bracket in a busy sentence', () => {
    const spoken = toSpoken(
      'Theo Quyết định số 1520/QĐ-UBND ngày 20/09/2022 của UBND huyện (kèm danh sách 34 hộ, 1,5 ha), từ 7h30 ngày 01/7 – 31/12/2022; xem https://x.vn.',
    );
    expect(spoken).not.toMatch(/[\d()[\]{}]/);
  });
});

describe('reading time', () => {
  it('counts Vietnamese syllables, loanwords by their parts', () => {
    expect(countSyllables('Bà Hoà nấu cơm, mười lăm héc-ta.')).toBe(8);
    expect(countSyllables(' — ')).toBe(0);
  });

  it('estimates at the given speed and rounds to ten seconds', () => {
    expect(readingSeconds(500, 200)).toBe(150);
    expect(roundedSeconds(154)).toBe(150);
    expect(roundedSeconds(2)).toBe(10);
  });

  it('formats a duration the Vietnamese way', () => {
    expect(formatDuration(150)).toBe('2 phút 30 giây');
    expect(formatDuration(45)).toBe('45 giây');
    expect(formatDuration(900)).toBe('15 phút');
  });
});
