import { describe, expect, it } from 'vitest';
import { compareVietnamese, findInvisibleCharacters, foldVietnamese, indexLetter, slugify } from '../../src/lib/text.ts';

describe('foldVietnamese', () => {
  it('maps đ and Đ to d, which Unicode decomposition does not', () => {
    expect(foldVietnamese('Đặng Thị Đước')).toBe('dang thi duoc');
    expect('Đ'.normalize('NFD')).toBe('Đ');
  });
  it('gives one result for both tone placements and both normal forms', () => {
    const variants = ['Hoà', 'Hòa', 'Hoà'.normalize('NFD'), 'Hòa'.normalize('NFD')];
    expect(new Set(variants.map(foldVietnamese))).toEqual(new Set(['hoa']));
    expect(foldVietnamese('Thuỷ')).toBe(foldVietnamese('Thủy'));
    expect(foldVietnamese('khoẻ')).toBe(foldVietnamese('khỏe'));
  });
});

describe('slugify', () => {
  it('folds Vietnamese names into ASCII ids', () => {
    expect(slugify('Nguyễn Thị Đước')).toBe('nguyen-thi-duoc');
    expect(slugify('  Hợp tác xã "Đồng Tâm"  ')).toBe('hop-tac-xa-dong-tam');
    expect(slugify('Trần Thị Thuý')).toBe(slugify('Trần Thị Thúy'.normalize('NFD')));
  });
});

describe('compareVietnamese', () => {
  it('orders by the Vietnamese alphabet: a ă â … d đ … o ô ơ … u ư', () => {
    const names = ['Đào', 'Dương', 'Ân', 'Ấn', 'Anh', 'Ơn', 'Ông', 'Ong', 'Ưng', 'Uyên', 'Bình'];
    expect([...names].sort(compareVietnamese)).toEqual(['Anh', 'Ân', 'Ấn', 'Bình', 'Dương', 'Đào', 'Ong', 'Ông', 'Ơn', 'Uyên', 'Ưng']);
  });
  it('treats NFD and NFC text as equal', () => {
    expect(compareVietnamese('Nguyễn', 'Nguyễn'.normalize('NFD'))).toBe(0);
  });
});

describe('indexLetter', () => {
  it('files a name under its letter, keeping ă â đ ê ô ơ ư apart', () => {
    expect(indexLetter('Ấn')).toBe('Â');
    expect(indexLetter('Đặng')).toBe('Đ');
    expect(indexLetter('Ứng'.normalize('NFD'))).toBe('Ư');
    expect(indexLetter('An')).toBe('A');
    expect(indexLetter('Zin')).toBe('#');
  });
});

describe('findInvisibleCharacters', () => {
  it('reports zero-width and bidi control characters by code point', () => {
    expect(findInvisibleCharacters('Hoà\u200Bng')).toEqual(['U+200B']);
    expect(findInvisibleCharacters('abc\u202Edef')).toEqual(['U+202E']);
    expect(findInvisibleCharacters('Bình thường')).toEqual([]);
  });
});
