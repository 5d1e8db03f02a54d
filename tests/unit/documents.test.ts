import { describe, expect, it } from 'vitest';
import { citeDecision, citeDocument } from '../../src/lib/documents.ts';
import { awardAsGranted } from '../../src/lib/award-name.ts';

describe('citing a document', () => {
  it('writes the standard form: kind, number, date, issuer, then what it is about', () => {
    expect(
      citeDocument({
        title: 'Kế hoạch về việc phát động phong trào thi đua năm 2021',
        number: '177/KH-UBND',
        date: '2020-12-31',
        issuer: 'UBND huyện Nam Đông',
      }),
    ).toBe('Kế hoạch số 177/KH-UBND ngày 31/12/2020 của UBND huyện Nam Đông về việc phát động phong trào thi đua năm 2021');
    expect(citeDocument({ title: 'Quyết định giao chỉ tiêu năm 2023', number: '196/QĐ-UBND', date: '2022-12-22', issuer: 'UBND thị xã Ayun Pa' })).toBe(
      'Quyết định số 196/QĐ-UBND ngày 22/12/2022 của UBND thị xã Ayun Pa giao chỉ tiêu năm 2023',
    );
  });

  it('cites a copy without number by its date and issuer, never with an empty "số"', () => {
    const cited = citeDocument({ title: 'Kế hoạch về việc thi đua năm 2023', number: '/KH-UBND', date: '2023-03', issuer: 'UBND thị xã Ayun Pa' });
    expect(cited).toBe('Kế hoạch tháng 3/2023 của UBND thị xã Ayun Pa về việc thi đua năm 2023');
    expect(cited).not.toMatch(/số\s*\//);
  });

  it('names the issuer once when the title names it too', () => {
    expect(
      citeDocument({
        title: 'Chỉ thị của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng',
        number: '34-CT/TW',
        date: '2014-04-07',
        issuer: 'Bộ Chính trị',
      }),
    ).toBe('Chỉ thị số 34-CT/TW ngày 07/04/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng');
  });

  it('puts the number after the name of a named document', () => {
    expect(citeDocument({ title: 'Luật Thi đua, khen thưởng', number: '06/2022/QH15', date: '2022-06-15', issuer: 'Quốc hội' })).toBe(
      'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/06/2022 của Quốc hội',
    );
  });

  it('names a document without title by the kind its symbol gives it', () => {
    expect(citeDocument({ number: '1314/NQ-UBTVQH15', issuer: 'Uỷ ban Thường vụ Quốc hội', date: '2024-11-21' })).toBe(
      'Nghị quyết số 1314/NQ-UBTVQH15 ngày 21/11/2024 của Uỷ ban Thường vụ Quốc hội',
    );
    expect(citeDocument({ number: '34-CT/TW', date: '2014-04-07' })).toBe('Chỉ thị số 34-CT/TW ngày 07/04/2014');
    expect(citeDocument({ number: '12/XYZ' })).toBe('Văn bản số 12/XYZ');
  });

  it('writes out the signer after the citation, and only the parts known', () => {
    const signer = { name: 'Trần Quốc Phụng', role: 'Chủ tịch', authority: ['TM. Uỷ ban nhân dân'] };
    expect(citeDocument({ title: 'Kế hoạch', number: '177/KH-UBND', date: '2020-12-31', issuer: 'UBND huyện Nam Đông', signer })).toBe(
      'Kế hoạch số 177/KH-UBND ngày 31/12/2020 của UBND huyện Nam Đông; người ký: Chủ tịch Trần Quốc Phụng (thay mặt Uỷ ban nhân dân)',
    );
    expect(citeDocument({ title: 'Kế hoạch', issuer: 'UBND huyện Quốc Oai' })).toBe('Kế hoạch của UBND huyện Quốc Oai');
    expect(citeDocument({ title: 'Kế hoạch', date: '2021' })).toBe('Kế hoạch năm 2021');
  });

  it('cites an award decision with the issuer who signed it', () => {
    expect(citeDecision({ decision: '1520/QĐ-UBND', date: '2022-09-20', issuer: 'Chủ tịch UBND huyện Quốc Oai' })).toBe(
      'Quyết định số 1520/QĐ-UBND ngày 20/09/2022 của Chủ tịch UBND huyện Quốc Oai',
    );
  });
});

describe('naming an award as granted', () => {
  it('names a certificate by the signer of its decision, not by the catalogue category', () => {
    const district = { name: 'Giấy khen của Chủ tịch UBND huyện', family: 'giay-khen' };
    expect(awardAsGranted(district, 'Chủ tịch UBND thị xã Ayun Pa')).toBe('Giấy khen của Chủ tịch UBND thị xã Ayun Pa');
    expect(awardAsGranted({ name: 'Bằng khen của Chủ tịch UBND tỉnh, thành phố', family: 'bang-khen' }, 'Chủ tịch UBND tỉnh Thái Bình')).toBe(
      'Bằng khen của Chủ tịch UBND tỉnh Thái Bình',
    );
  });
  it('keeps the name of a title or an order', () => {
    expect(awardAsGranted({ name: 'Lao động tiên tiến', family: 'danh-hieu-thi-dua' }, 'Chủ tịch UBND phường Đoàn Kết')).toBe('Lao động tiên tiến');
    expect(awardAsGranted({ name: 'Huân chương Lao động', family: 'huan-chuong' }, 'Chủ tịch nước')).toBe('Huân chương Lao động');
  });
});
