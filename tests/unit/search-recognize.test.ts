import { describe as group, expect, it } from 'vitest';
import { describe, mergeDictionaries, pageOf, recognise, type SearchDictionary } from '../../src/lib/search/recognize.ts';
import { ui } from '../../src/i18n/vi.ts';
import { searchUnderstood } from '../../src/lib/search/understood.ts';
import { titleKey, titleQuery } from '../../src/lib/search/title-key.ts';
import { foldVietnamese } from '../../src/lib/text.ts';

/**
 * A province as the dictionary gives it: Hà Nội with the former district Quốc Oai, whose communes Sài Sơn and
 * Phượng Cách are held now by xã Quốc Oai and xã Phú Cát; two communes named Tân Việt in two provinces; a former
 * commune, Hoà Thạch, split between xã Quốc Oai and xã Phú Cát.
 */
const places: SearchDictionary['places'] = [
  ['ha-noi', 'thanh-pho-truc-thuoc-trung-uong', 'Hà Nội', -1, [2, 3], [0], 9],
  ['huyen-quoc-oai', 'huyen', 'Quốc Oai', 0, [2, 3], [0], 7],
  ['xa-quoc-oai', 'xa', 'Quốc Oai', 0, [2], [2], 5],
  ['xa-phu-cat', 'xa', 'Phú Cát', 0, [3], [3], 2],
  ['xa-sai-son-quoc-oai', 'xa', 'Sài Sơn', 1, [2], [2], 4],
  ['xa-hoa-thach-quoc-oai', 'xa', 'Hoà Thạch', 1, [2, 3], [2, 3], 1],
  ['hai-duong', 'tinh', 'Hải Dương', -1, [7], [7], 1],
  ['xa-tan-viet-hai-duong', 'xa', 'Tân Việt', 6, [7], [7], 1],
  ['hung-yen', 'tinh', 'Hưng Yên', -1, [9], [9], 1],
  ['xa-tan-viet-hung-yen', 'xa', 'Tân Việt', 8, [9], [9], 1],
  ['thi-tran-doan-ket', 'thi-tran', 'Đoàn Kết', 0, [10], [10], 1],
  ['xa-an', 'xa', 'An', 0, [11], [11], 1],
];
const dictionary: SearchDictionary = {
  placeTypes: ui.placeTypes,
  communeTypes: ['xa', 'phuong', 'thi-tran', 'dac-khu'],
  places,
  campaigns: [
    [
      'nguoi-tot-viec-tot-quoc-oai-2022',
      'Phong trào thi đua “Người tốt, việc tốt” năm 2022 của huyện Quốc Oai',
      'Người tốt, việc tốt Quốc Oai 2022',
      '177/KH-UBND',
      6,
    ],
  ],
  awards: [
    ['Giấy khen của Chủ tịch UBND huyện', ['giay-khen-chu-tich-ubnd-huyen'], 3],
    ['Giấy khen', ['giay-khen-chu-tich-ubnd-huyen', 'giay-khen-chu-tich-ubnd-xa'], 4],
  ],
  fields: [['cuu-nguoi', 'Cứu người, cứu tài sản', 2]],
  years: [
    [2022, 6],
    [2023, 3],
  ],
};
const read = (query: string, skip: string[] = []) => recognise(dictionary, query, skip);

group('a place typed as words', () => {
  it.each(['xa sai son', 'Xã Sài Sơn', 'sai son', 'SÀI SƠN', 'xã sài sơn, huyện quốc oai', 'sai son quoc oai', 'sai son ha noi'])(
    '"%s" filters by the commune that holds Sài Sơn now',
    (query) => {
      const found = read(query);
      expect(found.filters).toEqual({ xa: ['xa-quoc-oai'] });
      expect(found.leftover).toBe('');
      expect(found.candidates).toEqual([]);
    },
  );

  it('folds đ and marks: "thi tran doan ket" and "Đoàn Kết" are the same town', () => {
    expect(read('thi tran doan ket').filters).toEqual({ xa: ['thi-tran-doan-ket'] });
    expect(read('Đoàn Kết').filters).toEqual({ xa: ['thi-tran-doan-ket'] });
  });

  it('takes a type word before the name as part of it, even when the place is of another type', () => {
    expect(read('xa doan ket')).toMatchObject({ filters: { xa: ['thi-tran-doan-ket'] }, leftover: '' });
    expect(read('hop tac xa doan ket')).toMatchObject({ filters: { xa: ['thi-tran-doan-ket'] }, leftover: 'hop tac' });
  });

  it('reads a family name followed by a place or a field as a person’s full name, searched as text', () => {
    for (const query of ['pham sai son', 'Đặng Sài Sơn', 'ho cuu nguoi']) expect(read(query), query).toMatchObject({ filters: {}, recognised: [] });
    // With its type word it is the place again, and a name of three words before a place still filters by the place.
    expect(read('pham xa sai son').filters).toEqual({ xa: ['xa-quoc-oai'] });
    expect(read('le thi an sai son')).toMatchObject({ filters: { xa: ['xa-quoc-oai'] }, leftover: 'le thi an' });
  });

  it('filters by the place and leaves a name to match: "an sai son"', () => {
    expect(read('an sai son')).toMatchObject({ filters: { xa: ['xa-quoc-oai'] }, leftover: 'an' });
  });

  it('keeps a one-word name as text unless its type word comes with it', () => {
    expect(read('nguyen van an')).toMatchObject({ filters: {}, leftover: 'nguyen van an' });
    expect(read('xa an')).toMatchObject({ filters: { xa: ['xa-an'] }, leftover: '' });
  });

  it('takes a district for all the communes that hold its former communes', () => {
    expect(read('huyen quoc oai').filters).toEqual({ xa: ['xa-quoc-oai', 'xa-phu-cat'] });
    expect(read('thanh pho ha noi').filters).toEqual({ xa: ['xa-quoc-oai', 'xa-phu-cat'] });
  });

  it('says what it understood, with the commune that holds a former one now and how many exemplars', () => {
    const [sai] = read('sai son').recognised;
    expect(describe(dictionary, sai!, ui.search.recognition)).toBe('Xã Sài Sơn, huyện Quốc Oai · nay thuộc xã Quốc Oai · 4 điển hình');
    const [now] = read('xa quoc oai').recognised;
    expect(describe(dictionary, now!, ui.search.recognition)).toBe('Xã Quốc Oai, thành phố Hà Nội · 5 điển hình');
  });
});

group('ambiguous names', () => {
  it('lists both communes called Tân Việt, and searches the words as text meanwhile', () => {
    const found = read('tan viet');
    expect(found.filters).toEqual({});
    expect(found.leftover).toBe('tan viet');
    expect(read('Nguyễn Văn An tan viet').leftoverAfterChoice).toBe('Nguyễn Văn An');
    expect(found.candidates.map((c) => c.kind === 'place' && places[c.place]![0])).toEqual(['xa-tan-viet-hai-duong', 'xa-tan-viet-hung-yen']);
  });

  it('is no longer ambiguous once the province is typed', () => {
    expect(read('tan viet hung yen')).toMatchObject({ filters: { xa: ['xa-tan-viet-hung-yen'] }, candidates: [] });
  });

  it('lists a former commune split among several once per commune that holds a part', () => {
    const found = read('xa hoa thach');
    expect(found.filters).toEqual({});
    expect(found.candidates.map((c) => c.kind === 'place' && c.communes.map((p) => places[p]![0]))).toEqual([['xa-quoc-oai'], ['xa-phu-cat']]);
    expect(found.candidates.map((c) => describe(dictionary, c, ui.search.recognition))).toEqual([
      'Xã Hoà Thạch, huyện Quốc Oai · nay thuộc xã Quốc Oai · 1 điển hình',
      'Xã Hoà Thạch, huyện Quốc Oai · nay thuộc xã Phú Cát · 1 điển hình',
    ]);
  });

  it('lists the district and the commune of one name, unless the type word tells them apart', () => {
    expect(read('quoc oai').candidates).toHaveLength(2);
    expect(read('xa quoc oai').filters).toEqual({ xa: ['xa-quoc-oai'] });
  });
});

group('campaigns, awards, fields and years', () => {
  it.each([
    'nguoi tot viec tot quoc oai 2022',
    'Người tốt, việc tốt Quốc Oai 2022',
    'phong trao thi dua nguoi tot viec tot nam 2022 cua huyen quoc oai',
    '177/KH-UBND',
    '177/kh-ubnd',
  ])('"%s" is the campaign, not a place and a year', (query) => {
    expect(read(query)).toMatchObject({ filters: { 'phong-trao': ['nguoi-tot-viec-tot-quoc-oai-2022'] }, leftover: '' });
  });

  it('"giay khen 2023" is every Giấy khen in 2023', () => {
    expect(read('giay khen 2023')).toMatchObject({
      filters: { 'khen-thuong': ['giay-khen-chu-tich-ubnd-huyen', 'giay-khen-chu-tich-ubnd-xa'], nam: ['2023'] },
      leftover: '',
    });
  });

  it('a whole award name is that award only', () => {
    expect(read('giay khen cua chu tich ubnd huyen').filters).toEqual({ 'khen-thuong': ['giay-khen-chu-tich-ubnd-huyen'] });
  });

  it('a field by its label or its first part', () => {
    expect(read('cứu người, cứu tài sản').filters).toEqual({ 'linh-vuc': ['cuu-nguoi'] });
    expect(read('cuu nguoi sai son').filters).toEqual({ 'linh-vuc': ['cuu-nguoi'], xa: ['xa-quoc-oai'] });
  });

  it('a year only when exemplars were honoured that year; other numbers stay text', () => {
    expect(read('2022').filters).toEqual({ nam: ['2022'] });
    expect(read('2019')).toMatchObject({ filters: {}, leftover: '2019' });
    expect(read('1520')).toMatchObject({ filters: {}, leftover: '1520' });
  });

  it('leaves to the text search the words of a filter already chosen', () => {
    expect(read('sai son 2022', ['nam'])).toMatchObject({ filters: { xa: ['xa-quoc-oai'] }, leftover: '2022' });
  });

  it('keeps the leftover words as typed, marks and all', () => {
    expect(read('Đặng Thị Hoà sài sơn').leftover).toBe('Đặng Thị Hoà');
  });
});

group('words that only look like a filter', () => {
  it('a place after "UBND" is who signed, and a year inside a date is a day', () => {
    expect(read('quyet dinh 85/qd-ubnd ngay 15/12/2022 chu tich ubnd xa sai son')).toMatchObject({ filters: {} });
    expect(read('ubnd huyen quoc oai')).toMatchObject({ filters: {}, candidates: [] });
    expect(read('ngay 15/12/2022 xa sai son').filters).toEqual({ xa: ['xa-quoc-oai'] });
  });
});

group('several sites searched together', () => {
  const other: SearchDictionary = {
    ...dictionary,
    places: [
      ['ha-noi', 'thanh-pho-truc-thuoc-trung-uong', 'Hà Nội', -1, [1], [0], 3],
      ['xa-kieu-phu', 'xa', 'Kiều Phú', 0, [1], [1], 3],
    ],
    campaigns: [['thi-dua-kieu-phu-2024', 'Phong trào thi đua xã Kiều Phú năm 2024', 'Thi đua Kiều Phú 2024', '', 3]],
    years: [[2024, 3]],
  };
  const merged = mergeDictionaries([dictionary, other]);

  it('recognises a commune and a campaign of the other site, whose pages are on that site', () => {
    const [commune] = recognise(merged, 'xa kieu phu').recognised;
    expect(recognise(merged, 'xa kieu phu').filters).toEqual({ xa: ['xa-kieu-phu'] });
    expect(pageOf(merged, commune!)).toMatchObject({ section: 'dia-phuong', id: 'xa-kieu-phu', site: 1 });
    const [campaign] = recognise(merged, 'thi dua kieu phu 2024').recognised;
    expect(pageOf(merged, campaign!)).toMatchObject({ section: 'phong-trao', id: 'thi-dua-kieu-phu-2024', site: 1 });
    expect(recognise(merged, '2024').filters).toEqual({ nam: ['2024'] });
  });

  it('takes a place both sites know for the communes and exemplars of both', () => {
    const [city] = recognise(merged, 'thanh pho ha noi').recognised;
    expect(recognise(merged, 'thanh pho ha noi').filters.xa!.sort()).toEqual(['xa-kieu-phu', 'xa-phu-cat', 'xa-quoc-oai']);
    expect(describe(merged, city!, ui.search.recognition)).toBe('Thành phố Hà Nội · 12 điển hình');
    expect(pageOf(merged, city!)).toMatchObject({ site: 0 });
    expect(recognise(merged, 'xa sai son').filters).toEqual({ xa: ['xa-quoc-oai'] });
  });
});

group('the search asked', () => {
  /** A stand-in for Pagefind over a few pages, each with its title, the words it holds and its commune. */
  const pages = [
    { id: 'an', title: 'Nguyễn Văn An', xa: 'xa-quoc-oai' },
    { id: 'binh', title: 'Trần Văn Bình', xa: 'xa-phu-cat' },
    { id: 'tuan', title: 'Trần Văn Tuấn', xa: 'xa-quoc-oai' },
    { id: 'tran-sai-son', title: 'Trần Sài Sơn', xa: 'xa-phu-cat' },
    { id: 'quyet-dinh', title: 'Quyết định số 12/QĐ-UBND', text: 'quyet dinh so 12 xa sai son', xa: '' },
  ].map((p) => ({ ...p, words: `${p.text ?? foldVietnamese(p.title)} ${titleKey(p.title)}` }));
  const asked: { query: string | null; filters: unknown }[] = [];
  const index = {
    async options() {},
    async search(query: string | null, options: Record<string, unknown>) {
      const filters = options.filters as Record<string, { any: string[] }>;
      asked.push({ query, filters });
      const words = query?.replace(/^"(.*)"$/, '$1');
      const results = pages.filter(
        (p) => (!words || words.split(' ').every((w) => p.words.split(' ').includes(w))) && (!filters.xa || filters.xa.any.includes(p.xa)),
      );
      return { results: results.map((p) => ({ id: p.id })), filters: {} };
    },
  };
  const run = (q: string, literal = false) => {
    asked.length = 0;
    return searchUnderstood(index, dictionary, { q, filters: {}, literal });
  };

  it('browses a place without text, its own page first', async () => {
    const { response, pages: first } = await run('xa sai son');
    expect(asked).toEqual([{ query: null, filters: { xa: { any: ['xa-quoc-oai'] } } }]);
    expect(response?.results.map((r) => r.id)).toEqual(['an', 'tuan']);
    expect(first).toMatchObject([{ section: 'dia-phuong', id: 'xa-sai-son-quoc-oai' }]);
  });

  it('searches the words as typed when the place and the words left find nothing', async () => {
    const { response, recognised } = await run('quyet dinh so 12 xa sai son');
    expect(asked.map((a) => a.query)).toEqual([titleQuery('quyet dinh so 12 xa sai son'), 'quyet dinh so 12', 'quyet dinh so 12 xa sai son']);
    expect(response?.results.map((r) => r.id)).toEqual(['quyet-dinh']);
    expect(recognised).toEqual([]);
  });

  it('searches the words as text when asked to', async () => {
    const { response, pages: first } = await run('xa sai son', true);
    expect(asked).toEqual([
      { query: titleQuery('xa sai son'), filters: {} },
      { query: 'xa sai son', filters: {} },
    ]);
    expect(response?.results.map((r) => r.id)).toEqual(['quyet-dinh']);
    expect(first).toEqual([]);
  });

  it('filters by the place and matches the name when the words are a place and a name', async () => {
    const { response, recognised } = await run('tran xa sai son');
    expect(recognised).toMatchObject([{ kind: 'place' }]);
    expect(response?.results.map((r) => r.id)).toEqual(['tuan']);
  });

  it('puts first the page whose whole title the words are, folded or accented, and then what they match', async () => {
    expect((await run('tran van tuan'))?.response?.results.map((r) => r.id)).toEqual(['tuan']);
    expect((await run('tran van'))?.response?.results.map((r) => r.id)).toEqual(['binh', 'tuan']);
    expect((await run('TRẦN  văn   tuấn'))?.response?.results.map((r) => r.id)).toEqual(['tuan']);
  });

  it('takes words that are the whole title of a page as that title, not as a place and a name', async () => {
    const { response, recognised } = await run('tran sai son');
    expect(recognised).toEqual([]);
    expect(response?.results.map((r) => r.id)).toEqual(['tran-sai-son']);
  });

  it('keeps the order the reader chose', async () => {
    asked.length = 0;
    await searchUnderstood(index, dictionary, { q: 'tran sai son', filters: {}, literal: false, sort: { date: 'desc' } });
    expect(asked.map((a) => a.query)).not.toContain(titleQuery('tran sai son'));
  });
});

group('title keys', () => {
  it('are one word of letters, the same for a title however it is written or typed', () => {
    const forms = ['Hồ Thuỳ Thuỷ', 'Hồ Thùy Thủy', 'ho thuy thuy', 'HỒ THUỲ THUỶ', 'Hồ Thuỳ Thuỷ'.normalize('NFD'), ' Hồ  Thuỳ-Thuỷ '];
    expect(new Set(forms.map(titleKey)).size).toBe(1);
    expect(titleKey('Hồ Thuỳ Thuỷ')).toMatch(/^[a-z]{2}qz[a-z]{12}$/);
    expect(titleKey('Đinh Thị Đông')).toBe(titleKey('dinh thi dong'));
    expect(titleQuery('Đinh Thị Đông')).toBe(`"${titleKey('dinh thi dong')}"`);
    expect(titleKey(' · ')).toBeUndefined();
  });

  it('differ for titles that differ by a letter, a digit or a word', () => {
    const titles = [
      'Tổ 1',
      'Tổ 2',
      'Tổ 12',
      'Tổ 21',
      'Hồ Thanh Hoa',
      'Hồ Thanh Hoà Bình',
      'Đinh Thị Đông',
      'Đinh Thị Đồng Tâm',
      'Quyết định 1520/QĐ-UBND',
      'Quyết định 1521/QĐ-UBND',
    ];
    expect(new Set(titles.map(titleKey)).size).toBe(titles.length);
  });
});
