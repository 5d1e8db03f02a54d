import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/lib/dates.ts';
import type { AwardGrant } from '../../src/schemas/award.ts';
import { exemplarScript, scriptLength, spokenStory, standaloneScript, type RadioScript, type ScriptSource } from '../../src/lib/radio/script.ts';
import { bulletinCost, fitBulletin, scriptText } from '../../src/lib/radio/bulletin.ts';
import { countSyllables } from '../../src/lib/radio/duration.ts';
import { mergedCommune } from '../helpers/place-fixture.ts';
import { ui } from '../../src/i18n/vi.ts';

const places = mergedCommune;
const context = { places, awardName: (id: string) => (id === 'nguoi-tot-viec-tot' ? 'danh hiệu Người tốt, việc tốt' : 'Giấy khen của Chủ tịch UBND xã') };

const grant = (award: string, decision: string, extra: Partial<AwardGrant> = {}) =>
  ({ award, level: 'huyen', issuer: 'Chủ tịch UBND huyện Quốc Oai', decision, date: '2022-09-20', posthumous: false, ...extra }) as AwardGrant;

const source: ScriptSource = {
  data: {
    name: 'Đặng Thị Hoà',
    role: 'Nông dân, chi hội trưởng chi hội phụ nữ thôn',
    village: 'Thôn 4',
    place: 'sai-son',
    citation: 'Mười năm nấu cơm miễn phí cho bệnh nhân nghèo (khoảng 50 suất mỗi ngày).',
    awards: [
      grant('nguoi-tot-viec-tot', '1520/QĐ-UBND'),
      grant('giay-khen', '12/QĐ-UBND', { revoked: { decision: '15/QĐ-UBND', date: '2022-10-01' as IsoDate } }),
    ],
    author: 'Minh Thư, Trung tâm VH-TT-TT',
  },
  story: spokenStory([
    { kind: 'paragraph', text: 'Từ năm 2012, mỗi sáng thứ 2 và thứ 5, bếp nhà bà đỏ lửa.' },
    { kind: 'heading', text: 'Bếp cơm của cả thôn' },
    { kind: 'quote', text: 'Mình khoẻ thì mình làm.', by: 'Bà Đặng Thị Hoà', role: 'Chi hội trưởng' },
    { kind: 'paragraph', text: '(HTX)' },
  ]),
};

describe('exemplar script', () => {
  const script = exemplarScript(source, context);

  it('says who, where as named then and where that is now, the deed, the story, the awards and the writer', () => {
    expect(script.title).toBe('Đặng Thị Hoà');
    expect(script.paragraphs).toEqual([
      {
        kind: 'text',
        text: 'Đặng Thị Hoà, nông dân, chi hội trưởng chi hội phụ nữ thôn, ở thôn bốn, xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội, nay thuộc xã Quốc Oai.',
      },
      { kind: 'text', text: 'Mười năm nấu cơm miễn phí cho bệnh nhân nghèo, khoảng năm mươi suất mỗi ngày.' },
      { kind: 'text', text: 'Từ năm hai nghìn không trăm mười hai, mỗi sáng thứ hai và thứ năm, bếp nhà bà đỏ lửa.' },
      // The heading is the first sentence of the paragraph after it, never a stray line.
      { kind: 'text', text: 'Bếp cơm của cả thôn. Bà Đặng Thị Hoà, chi hội trưởng, chia sẻ: “Mình khoẻ thì mình làm.”' },
      {
        kind: 'text',
        text: 'Chủ tịch Ủy ban nhân dân huyện Quốc Oai đã tặng danh hiệu Người tốt, việc tốt theo quyết định ngày hai mươi tháng chín năm hai nghìn không trăm hai mươi hai.',
      },
      { kind: 'text', text: 'Bài viết của Minh Thư, Trung tâm Văn hóa, Thông tin và Thể thao.' },
    ]);
  });

  it('keeps each standing decision’s number for the announcer, not to be read', () => {
    expect(script.notes).toEqual(['Quyết định số 1520/QĐ-UBND ngày 20/09/2022 của Chủ tịch UBND huyện Quốc Oai']);
    expect(script.paragraphs.map((p) => p.text).join(' ')).not.toMatch(/Quyết định số|một nghìn năm trăm hai mươi/);
  });

  it('opens and closes a script read on its own, and counts those lines in its length', () => {
    const alone = standaloneScript(script);
    expect(alone.paragraphs[0]).toEqual({ kind: 'text', text: 'Kính thưa bà con! Sau đây là câu chuyện về Đặng Thị Hoà.' });
    expect(alone.paragraphs.at(-1)).toEqual({ kind: 'text', text: 'Vừa rồi là câu chuyện về Đặng Thị Hoà. Cảm ơn bà con đã lắng nghe.' });
    expect(alone.paragraphs.slice(1, -1)).toEqual(script.paragraphs);
    expect(alone.syllables).toBe(alone.paragraphs.reduce((n, p) => n + countSyllables(p.text), 0));
  });

  it('counts the syllables it will take to read', () => {
    expect(script.syllables).toBe(script.paragraphs.reduce((n, p) => n + countSyllables(p.text), 0));
  });

  it("has the same length when measured from the saved story's syllables alone, as bulletins and lists do", () => {
    expect(source.story.syllables).toBeGreaterThan(0);
    expect(scriptLength(source.data, source.story.syllables, context)).toEqual({ spokenTitle: script.spokenTitle, syllables: script.syllables });
    expect(bulletinCost(scriptLength(source.data, source.story.syllables, context))).toBe(bulletinCost(script));
  });

  it('leaves out a revoked award and says "truy tặng" for a posthumous one', () => {
    const posthumous = exemplarScript(
      { ...source, data: { ...source.data, awards: [grant('nguoi-tot-viec-tot', '9/QĐ-UBND', { posthumous: true })] } },
      context,
    );
    expect(posthumous.paragraphs.map((p) => p.text).join(' ')).toContain('đã truy tặng danh hiệu Người tốt, việc tốt theo quyết định ngày');
    expect(script.paragraphs.map((p) => p.text).join(' ')).not.toContain('Giấy khen');
  });
});

describe('bulletin', () => {
  /** An item whose script is `words` syllables long, title included. */
  const item = (id: string, words: number) => {
    const script: RadioScript = {
      title: id,
      spokenTitle: id,
      paragraphs: [
        {
          kind: 'text',
          text: Array(words - 1)
            .fill('tiếng')
            .join(' '),
        },
      ],
      syllables: words - 1,
      notes: [`Quyết định số 1/QĐ-${id}`],
    };
    return { item: id, cost: bulletinCost(script), script: () => script };
  };
  const frame = { opening: 'Mở đầu chương trình.', subject: 'Hôm nay có tin.', closing: 'Hết.' };
  const framing = countSyllables(`${frame.opening} ${frame.subject} ${frame.closing}`);

  it('takes whole items newest first while they fit, and leaves the rest for a later bulletin', () => {
    const bulletin = fitBulletin([item('a', 40), item('b', 70), item('c', 30), item('d', 20)], frame, framing + 100);
    expect(bulletin.included).toEqual(['a', 'c', 'd']);
    expect(bulletin.left).toEqual(['b']);
    expect(bulletin.syllables).toBe(framing + 90);
    expect(bulletin.syllables).toBeLessThanOrEqual(framing + 100);
  });

  it('opens and closes with the lines from the settings, each item under its title', () => {
    const bulletin = fitBulletin([item('a', 3)], frame, 1000);
    expect(bulletin.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['text', 'Mở đầu chương trình.'],
      ['text', 'Hôm nay có tin.'],
      ['heading', 'a'],
      ['text', 'tiếng tiếng'],
      ['text', 'Hết.'],
    ]);
  });

  it('keeps the decision numbers of the items it takes, for the announcer', () => {
    expect(fitBulletin([item('a', 40), item('b', 500)], frame, framing + 100).notes).toEqual(['Quyết định số 1/QĐ-a']);
  });

  it('never cuts an item: one longer than the bulletin waits', () => {
    const bulletin = fitBulletin([item('a', 500)], frame, framing + 100);
    expect(bulletin.included).toEqual([]);
    expect(bulletin.left).toEqual(['a']);
  });

  it('writes a text file with its header, a blank line, and a paragraph a line', () => {
    expect(
      scriptText(
        ['Tiêu đề. Thời lượng khoảng một phút.'],
        [
          { kind: 'heading', text: 'Mục' },
          { kind: 'text', text: 'Đoạn.' },
        ],
      ),
    ).toBe('\uFEFFTiêu đề. Thời lượng khoảng một phút.\n\nMục\n\nĐoạn.\n');
  });
});

describe('an award on air', () => {
  it('is said by its form after the issuer, never by the catalogue’s category of signer', () => {
    expect(
      ui.radio.award('Chủ tịch UBND thị xã Ayun Pa', false, ui.radio.awardName('giay-khen', 'Giấy khen của Chủ tịch UBND huyện'), 'quyết định ngày 15/12/2023'),
    ).toBe('Chủ tịch UBND thị xã Ayun Pa đã tặng Giấy khen theo quyết định ngày 15/12/2023.');
    expect(ui.radio.awardName('danh-hieu-dia-phuong', 'Người tốt, việc tốt')).toBe('danh hiệu Người tốt, việc tốt');
    expect(ui.radio.awardName('huan-chuong', 'Huân chương Lao động')).toBe('Huân chương Lao động');
  });
});
