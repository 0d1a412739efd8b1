#!/usr/bin/env node
// The `levdesk` command line. Runs the TypeScript sources through tsx so a fresh checkout works
// right after `npm install`, with no build step in between.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
