// Child process for file-set tests: writes the set given as JSON in argv[3] into argv[2], and is killed (SIGKILL) after argv[4] renames.
import { rename } from 'node:fs/promises';
import { writeFileSet } from '../../src/output/write-file-set.js';

const [folder, filesJson, renamesBeforeCrash] = process.argv.slice(2);
if (!folder || !filesJson || renamesBeforeCrash === undefined) throw new Error('usage: crash-file-set.ts <folder> <files json> <renames before the crash>');

let renames = 0;
await writeFileSet(folder, JSON.parse(filesJson) as Array<{ name: string; data: string }>, {
  rename: async (from, to) => {
    if (renames === Number(renamesBeforeCrash)) process.kill(process.pid, 'SIGKILL');
    await rename(from, to);
    renames += 1;
  },
});
