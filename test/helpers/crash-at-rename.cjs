// Preloaded into a child (`node --require`): the process kills itself (SIGKILL) instead of the rename number
// CRASH_AT_RENAME (1 = the first) of a path under CRASH_RENAMES_UNDER, so a crash lands at an exact step. With
// CRASH_AT_RENAME=never it only counts those renames, and writes the count to CRASH_RENAMES_COUNT_FILE on exit.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const crashAt = process.env.CRASH_AT_RENAME === 'never' ? Infinity : Number(process.env.CRASH_AT_RENAME);
const under = process.env.CRASH_RENAMES_UNDER;
if (!(crashAt > 0) || !under) throw new Error('crash-at-rename: set CRASH_AT_RENAME (a number from 1, or never) and CRASH_RENAMES_UNDER (a folder)');
const rename = fs.promises.rename;
let renames = 0;
fs.promises.rename = async (from, to) => {
  if (String(to).startsWith(under)) {
    renames += 1;
    if (renames === crashAt) process.kill(process.pid, 'SIGKILL');
  }
  return rename(from, to);
};
// ES modules import `rename` from node:fs/promises by name: hand them the wrapper too.
syncBuiltinESMExports();
const countFile = process.env.CRASH_RENAMES_COUNT_FILE;
if (countFile) process.on('exit', () => fs.writeFileSync(countFile, String(renames)));
