import { z } from 'zod';
import { formSchema } from './form-schema';

/**
 * The JSON Schema of a form file, generated from the zod schema PHU checks
 * forms with, so that an editor (VS Code) completes and underlines a form
 * being written by hand. `docs/form.schema.json` is this value; a test keeps
 * the two equal (`npm run form-schema` rewrites the file).
 *
 * @example formJsonSchema().properties.id // { type: 'string', pattern: ... }
 */
export function formJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(formSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Mẫu biểu PHU (PHU form)',
    description: 'Định nghĩa một mẫu biểu báo cáo của PHU: trang, cột, chỉ số, quy tắc và kỳ báo cáo. Kiểm tra bằng "phu form check <tệp.json>".',
  };
}
