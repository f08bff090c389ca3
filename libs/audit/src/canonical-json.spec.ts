import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text for the same value whatever order its keys were written in', () => {
    expect(canonicalJson({ rule: 'CONSENT', referralId: 'r1' })).toBe(canonicalJson({ referralId: 'r1', rule: 'CONSENT' }));
  });

  it('keeps array order, which is part of the value', () => {
    expect(canonicalJson(['NAME', 'CONTACT'])).toBe('["NAME","CONTACT"]');
    expect(canonicalJson(['CONTACT', 'NAME'])).not.toBe(canonicalJson(['NAME', 'CONTACT']));
  });

  it('omits undefined properties and writes undefined array elements as null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('escapes strings as JSON does, keys included', () => {
    expect(canonicalJson({ 'quo"te': 'line\nbreak é \u2028' })).toBe(JSON.stringify({ 'quo"te': 'line\nbreak é \u2028' }));
  });

  it('writes dates through toJSON', () => {
    expect(canonicalJson({ at: new Date('2025-11-23T09:30:00.123Z') })).toBe('{"at":"2025-11-23T09:30:00.123Z"}');
  });

  it('writes numbers as JSON does, -0 as 0', () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 0.1])).toBe('[1,1.5,0,1e+21,0.1]');
  });

  it('refuses what JSON cannot say: non-finite numbers, bigints, functions, undefined', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
