import type { Command } from '../command';
import { consolidateCommand } from './consolidate';
import { convertCommand } from './convert';
import { demoCommand } from './demo';
import { formCommand } from './form';
import { pushCommand } from './push';
import { templateCommand } from './template';
import { validateCommand } from './validate';

/** Every `phu` command, in the order `phu --help` lists them. Add a command here. */
export const COMMANDS: readonly Command[] = [templateCommand, validateCommand, consolidateCommand, convertCommand, pushCommand, formCommand, demoCommand];
