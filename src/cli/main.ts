#!/usr/bin/env node
// Entry point. Kept tiny so that `agentgate --version` starts fast: every command module is loaded lazily.
import { Command } from 'commander';
import { runCli } from './run.js';

await runCli(process.argv, new Command());
