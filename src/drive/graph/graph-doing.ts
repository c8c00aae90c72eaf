import type { GraphAction } from '../../core/failures/failure-codes';
import { graphDoingText } from '../../core/failures/failure-text';

/**
 * What a Graph request was doing when it failed, as a value: the action
 * and the path it concerned, worded in each language by the failures'
 * wording (core/failures/failure-text.ts).
 */
export interface GraphDoing {
  readonly action: GraphAction;
  /** `"4PHU-2024/TK/688"` as shown to the person, or '' when the action concerns no path. */
  readonly path: string;
}

/**
 * The Vietnamese phrase, for the messages that carry no failure code.
 *
 * @example doingVi({ action: 'list', path: '"TK/688"' }) // 'liệt kê thư mục "TK/688"'
 */
export function doingVi(d: GraphDoing): string {
  return graphDoingText(d.action, d.path, 'vi');
}
