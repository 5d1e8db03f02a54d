import { describe, expect, it } from 'vitest';
import { recent } from '../../src/lib/recent.ts';

describe('a memory of recent values', () => {
  it('makes a value once while it is among the last asked for, and forgets the one asked for longest ago', () => {
    const made: string[] = [];
    const read = recent(2, (file: string) => (made.push(file), `${file}!`));
    expect([read('a'), read('b'), read('a')]).toEqual(['a!', 'b!', 'a!']);
    expect(made).toEqual(['a', 'b']);
    // "a" was asked for after "b": "b" goes when "c" comes.
    read('c');
    read('a');
    read('b');
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps a value that is undefined as well', () => {
    let calls = 0;
    const read = recent(2, () => void calls++);
    read('x');
    read('x');
    expect(calls).toBe(1);
  });
});
