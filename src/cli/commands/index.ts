import type { Command } from 'commander';
import { registerDiff } from './diff.js';
import { registerEvalDelta } from './eval-delta.js';
import { registerSchema } from './schema.js';
import { registerValidate } from './validate.js';
import { registerGuard } from './guard.js';
import { registerIntent } from './intent.js';
import { registerMcp } from './mcp.js';
import { registerCheck } from './check.js';
import { registerInit } from './init.js';
import { registerCodeowners } from './codeowners.js';
import { registerScope } from './scope.js';
import { registerLog } from './log.js';
import { registerAudit } from './audit.js';
import { registerSignoff } from './signoff.js';
import { registerSplit } from './split.js';
import { registerRelease } from './release.js';
import { registerInventory } from './inventory.js';

// Each command module registers its options only; its work is imported lazily inside the action,
// so that startup (and `agentgate --version`) stays fast.
// Helpers: add one import and one call per command, nothing else, to keep merges trivial.
export function registerCommands(program: Command): void {
  registerDiff(program);
  registerEvalDelta(program);
  registerSchema(program);
  registerValidate(program);
  registerGuard(program);
  registerIntent(program);
  registerMcp(program);
  registerCheck(program);
  registerInit(program);
  registerCodeowners(program);
  registerScope(program);
  registerLog(program);
  registerAudit(program);
  registerSignoff(program);
  registerSplit(program);
  registerRelease(program);
  registerInventory(program);
}
