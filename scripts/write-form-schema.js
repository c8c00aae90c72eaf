#!/usr/bin/env node
// Writes docs/form.schema.json from the form schema (run after `npm run build:node`).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { formJsonSchema } = require('../build/src/core/forms/form-json-schema.js');

const out = path.join(__dirname, '..', 'docs', 'form.schema.json');
fs.writeFileSync(out, `${JSON.stringify(formJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
