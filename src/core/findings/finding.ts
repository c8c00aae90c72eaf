import { FINDING_CODES, type FindingCode, type FindingParams, type Severity } from './finding-codes';
import { MESSAGES_EN } from './messages-en';
import { MESSAGES_VI } from './messages-vi';

/** Where a finding is: the file, and within it a sheet and cell when known. */
export interface FindingLocation {
  readonly file?: string;
  readonly unitCode?: string;
  readonly sheet?: string;
  readonly cell?: string;
}

/**
 * A problem found in a submission. A value, never thrown: validation
 * collects all of them. Discriminated by `code`, whose `params` are typed.
 */
export type Finding = {
  [C in FindingCode]: FindingLocation & {
    readonly code: C;
    readonly severity: Severity;
    readonly params: FindingParams<C>;
    readonly message_vi: string;
    readonly message_en: string;
  };
}[FindingCode];

/** Builds a finding with its severity and both wordings from the tables. */
export function createFinding<C extends FindingCode>(code: C, params: FindingParams<C>, location: FindingLocation = {}): Finding {
  const vi = MESSAGES_VI[code] as (p: FindingParams<C>) => string;
  const en = MESSAGES_EN[code] as (p: FindingParams<C>) => string;
  return {
    ...location,
    code,
    severity: FINDING_CODES[code].severity,
    params,
    message_vi: vi(params),
    message_en: en(params),
  } as Finding;
}

/** The same finding, placed in a file (and unit) once that is known. */
export function locateFinding(f: Finding, location: FindingLocation): Finding {
  return { ...f, ...location };
}

/** True when any finding is an error, which keeps a file out of the totals. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
