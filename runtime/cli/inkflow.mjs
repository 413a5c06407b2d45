#!/usr/bin/env node
// Runs the TypeScript CLI straight from the repository: tsx compiles it on the fly, so `npx inkflow` needs no build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
