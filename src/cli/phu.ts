#!/usr/bin/env node
import { BudgetedReader } from '../node/budget/budgeted-reader';
import { readBudgetFromEnv } from '../node/budget/read-budget';
import { exitQuietlyOnClosedPipe, processIo } from './cli-io';

/** The commands that read workbooks through a BudgetedReader (one worker, the budget of the environment). */
const READING_COMMANDS: ReadonlySet<string> = new Set(['consolidate', 'validate', 'convert']);

const argv = process.argv.slice(2);
// The command is the first word that is not an option (`phu --lang en consolidate …` names it third).
const command = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--lang');
// The reading thread starts before the commands' modules load, and boots while they do (docs/performance.md, part 7).
if (READING_COMMANDS.has(command ?? '') && !argv.includes('--help') && !argv.includes('-h')) BudgetedReader.startEarly({ budget: readBudgetFromEnv(process.env).budget });

exitQuietlyOnClosedPipe([process.stdout, process.stderr], () => process.exit(process.exitCode ?? 0));

void import('./main').then(async ({ main }) => {
  process.exitCode = await main(argv, processIo());
});
