import type { GraphAction } from '../../core/failures/failure-codes';

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
