import { IsInt, ValidateNested, validateSync } from 'class-validator';
import { IsFreeText } from './free-text';
import { IsUkPostcode } from './postcode';
import { validationErrorsToFields } from './validation-errors';

class Preferences {
  @IsInt() rank: unknown;
}
class Contact {
  @IsUkPostcode() postcode: unknown;
  @ValidateNested() preferences: Preferences;
}
class Child {
  @IsFreeText(10) name: unknown;
}
class CaseInput {
  @IsFreeText(10) notes: unknown;
  @ValidateNested() contact: Contact;
  @ValidateNested({ each: true }) children: Child[];
}

describe('validationErrorsToFields', () => {
  it('flattens nested errors into dotted paths, array items by index', () => {
    const input = Object.assign(new CaseInput(), {
      notes: 'fine',
      contact: Object.assign(new Contact(), {
        postcode: '90210',
        preferences: Object.assign(new Preferences(), { rank: 'high' }),
      }),
      children: [Object.assign(new Child(), { name: 'Ok' }), Object.assign(new Child(), { name: '' })],
    });
    expect(validationErrorsToFields(validateSync(input))).toEqual([
      { field: 'contact.postcode', messages: ['postcode must be a UK postcode such as SE28 8HD'] },
      { field: 'contact.preferences.rank', messages: ['rank must be an integer number'] },
      { field: 'children.1.name', messages: ['name must be text of 1 to 10 characters without control characters'] },
    ]);
  });

  it('keeps every message of a field at the top level', () => {
    class Twice {
      @IsInt() @IsFreeText(3) code: unknown;
    }
    const [only] = validationErrorsToFields(validateSync(Object.assign(new Twice(), { code: 'long!' })));
    expect(only.field).toBe('code');
    expect(only.messages).toHaveLength(2);
  });

  it('returns nothing for no errors', () => {
    expect(validationErrorsToFields([])).toEqual([]);
  });
});
