import { describe, expect, it } from 'vitest';
import { keptUpTo, recent } from '../../src/lib/recent.ts';

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

describe('a memory of values up to a size', () => {
  it('keeps the first values made until their sizes fill the budget, however often others come between', () => {
    const made: string[] = [];
    const read = keptUpTo(3, 1, (file: string) => (made.push(file), { value: `${file}!`, size: 2 }));
    // A build's order: every story once, then every story again.
    for (const pass of [1, 2]) for (const file of ['a', 'b', 'c', 'd']) expect(read(file), `pass ${pass}`).toBe(`${file}!`);
    // "a" and "b" filled the budget and were kept; past it only the last one asked for is.
    expect(made).toEqual(['a', 'b', 'c', 'd', 'c', 'd']);
    read('d');
    expect(made).toHaveLength(6);
  });
});
