import { validateSync } from 'class-validator';
import { IsFreeText, isFreeText } from './free-text';

describe('isFreeText', () => {
  it.each([
    ['a name', 'Adaeze Okafor'],
    ['newlines and tabs', 'Line one\n\tLine two'],
    ['accents and other scripts', 'Zoë Ní Bhriain — Сергій'],
  ])('accepts %s', (_, value) => {
    expect(isFreeText(value, 100)).toBe(true);
  });

  it.each([
    ['exactly max characters', 'x'.repeat(10)],
    ['max characters after trimming', `  ${'x'.repeat(10)}  `],
    ['max astral characters, counted as one each', '😀'.repeat(10)],
  ])('accepts %s', (_, value) => {
    expect(isFreeText(value, 10)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   \n '],
    ['one over max', 'x'.repeat(11)],
    ['a NUL', 'Ada\u0000'],
    ['an ANSI escape', 'Ada\u001b[2J'],
    ['an 8-bit CSI', 'Ada\u009b2J'],
    ['DEL', 'Ada\u007f'],
    ['a carriage return', 'Ada\rBob'],
    ['a lone surrogate', 'Ada\ud800'],
    ['not a string', 42],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(isFreeText(value, 10)).toBe(false);
  });
});

describe('@IsFreeText', () => {
  class Identity {
    @IsFreeText(100) givenName: unknown;
  }
  const check = (givenName: unknown) => validateSync(Object.assign(new Identity(), { givenName }));

  it('passes a name', () => {
    expect(check('Adaeze')).toEqual([]);
  });

  it('names the property, the limit and the rule', () => {
    expect(check('\u001b]0;pwned\u0007')[0].constraints?.isFreeText).toBe(
      'givenName must be text of 1 to 100 characters without control characters',
    );
  });
});
