#!/usr/bin/env node
import { exitQuietlyOnClosedPipe, processIo } from './cli-io';
import { main } from './main';

exitQuietlyOnClosedPipe([process.stdout, process.stderr], () => process.exit(process.exitCode ?? 0));

void main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
