import { describe, expect, it } from 'vitest';
import { toneTokens, withToneTokens } from '../../src/lib/search/tones.ts';

describe('exact-accent tokens', () => {
  it('are the same for both tone placements and both normal forms', () => {
    expect(toneTokens('Thủy')).toEqual(toneTokens('Thuỷ'));
    expect(toneTokens('Hoà'.normalize('NFD'))).toEqual(toneTokens('Hòa'));
    expect(toneTokens('khoẻ')).toEqual(toneTokens('khỏe'));
  });
  it('differ between tones and vowel shapes', () => {
    expect(toneTokens('Thủy')).toEqual(['thuyr']);
    expect(toneTokens('Thúy')).toEqual(['thuys']);
    expect(toneTokens('Đào Đạo Sơn Ân Ưng Ăn')).toEqual(['ddaof', 'ddaoj', 'sown', 'aan', 'uwng', 'awn']);
  });
  it('leave unaccented words and queries alone', () => {
    expect(toneTokens('Nguyen Van An')).toEqual([]);
    expect(withToneTokens('nguyen van an')).toBe('nguyen van an');
    expect(withToneTokens('Đặng Thị Hoà')).toBe('Đặng Thị Hoà ddawngj thij hoaf');
  });
});
