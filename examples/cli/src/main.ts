#!/usr/bin/env -S npx tsx
import { Command } from 'commander';

const program = new Command('precog').description('precog: trading-bot tooling for Kalshi');
program.parse();
