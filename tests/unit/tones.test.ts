import { describe, expect, it } from 'vitest';
import { chosenTonePlacement, isAccented, searchVariants } from '../../src/lib/search/tones.ts';

describe('tone placement', () => {
  it('writes both placements and both normal forms the same way', () => {
    expect(chosenTonePlacement('Thủy')).toBe(chosenTonePlacement('Thuỷ'));
    expect(chosenTonePlacement('Hòa'.normalize('NFD'))).toBe(chosenTonePlacement('Hoà'));
    expect(chosenTonePlacement('khỏe KHỎE, Ủy ban')).toBe('khoẻ KHOẺ, Uỷ ban');
    expect(chosenTonePlacement('Nguyễn Thị Hòa, xã Thủy Xuân')).toBe('Nguyễn Thị Hoà, xã Thuỷ Xuân');
  });
  it('keeps tones, vowel shapes and syllables with one placement as they are', () => {
    expect(chosenTonePlacement('Thúy')).not.toBe(chosenTonePlacement('Thủy'));
    expect(chosenTonePlacement('Hoàng Thuyền Quỳnh Mùa Hồ Ơn Quý')).toBe('Hoàng Thuyền Quỳnh Mùa Hồ Ơn Quý');
  });
  it('tells accented queries from plain ones, đ included', () => {
    expect(isAccented('dang thi hoa')).toBe(false);
    expect(isAccented('Dang Thi Hoa')).toBe(false);
    expect(isAccented('Đang')).toBe(true);
    expect(isAccented('thủy')).toBe(true);
  });
});

describe('hidden search words', () => {
  it('fold the words with đ and give the chosen placement of the others, once each', () => {
    expect(searchVariants(['Đặng Thị Hòa', 'Đặng Văn Đức', 'An'])).toBe('dang Hoà duc');
    expect(searchVariants(['Hoàng Thị Lan'])).toBe('');
  });
});
