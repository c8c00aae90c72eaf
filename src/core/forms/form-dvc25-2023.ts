import definition from './dvc25-2023.form.json';
import { defineForm } from './parse-form';
import type { FormDef } from './form-schema';

/**
 * Form DVC25-2023: how a unit stands on the 25 essential online public
 * services (appendix 02 of the Đề án 06 reports). One row per service:
 * whether it is connected to the national portal, records received in
 * total and online, the online rate (computed: online / total, none for
 * 0/0), online records processed on time and overdue, and difficulties.
 * Rules: online <= total, on time + overdue = online. The service names
 * follow the national list (the Bình Long report's appendix has three
 * typing slips); rows are matched by their number, so a retyped name never
 * matters. The JSON file is the source of truth.
 */
export const FORM_DVC25_2023: FormDef = defineForm(definition);
