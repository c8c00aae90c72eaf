import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import { failureText } from '../core/failures/failure-text';
import { nationalRegistry } from '../core/units/national-registry';
import { validateSubmission } from '../core/validate/validate-submission';
import { gridOfBook } from '../../test/support/addin/sample-books';
import { childTemplates, TemplateError, unitTemplate } from './make-templates';

const registry = nationalRegistry();
const form = FORM_4PHU_2024;

describe('unitTemplate', () => {
  it('makes the blank submission of one unit, one row per child unit, named by code and name', () => {
    const made = unitTemplate(form, registry, ' 688 ', 'tk');
    expect(made.name).toBe('688 Thị xã Phước Long.xlsx');
    expect(made.period.id).toBe('TK');
    expect(made.data.tables[form.mainTable]?.length).toBe(registry.children('688').length);
    const info = validateSubmission(gridOfBook(made.book), { form, registry }).submission.info;
    expect(info).toMatchObject({ unit_code: '688', period: 'TK' });
  });

  it('refuses an unknown unit or period with a failure code, worded in either language', () => {
    const caught = (f: () => unknown): TemplateError => {
      try {
        f();
      } catch (e) {
        if (e instanceof TemplateError) return e;
        throw e;
      }
      throw new Error('no TemplateError thrown');
    };
    const unit = caught(() => unitTemplate(form, registry, '123456789', 'D1'));
    expect(unit.failure).toEqual({ code: 'unit_unknown', params: { unit: '123456789', map: '2025-03-01' } });
    expect(unit.message).toBe(failureText(unit.failure, 'vi'));
    expect(failureText(unit.failure, 'en')).toMatch(/Unit code "123456789" is not in the list of administrative units 2025-03-01/);
    const period = caught(() => childTemplates(form, registry, '688', 'D7'));
    expect(period.failure.code).toBe('period_unknown');
    expect(failureText(period.failure, 'en')).toMatch(/Period "D7" is not in form 4PHU-2024\. The periods: D1, D2, TK/);
  });
});

describe('childTemplates', () => {
  it('makes one template per child unit by the folder convention, the same units as the catalogue', () => {
    const { parent, period, templates } = childTemplates(form, registry, '688', 'D1');
    expect(parent.code).toBe('688');
    expect(period.id).toBe('D1');
    expect(templates.map((t) => t.unit.code)).toEqual(registry.children('688').map((u) => u.code));
    expect(templates.every((t) => t.path.startsWith('4PHU-2024/D1/688 Thị xã Phước Long/'))).toBe(true);
  });

  it('makes none for a unit without child units', () => {
    const commune = registry.children('688')[0]?.code ?? '';
    expect(childTemplates(form, registry, commune, 'D1').templates).toEqual([]);
  });
});
