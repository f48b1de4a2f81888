import { join, resolve } from 'node:path';
import { createCatalogue } from '../../electron/catalogue/service';
import { systemClock } from '../../electron/services/clock';
import { openRepos } from '../../electron/store';

/**
 * A live till starts with no catalogue (the demo goes into sandbox stores only): a test that
 * runs one against an emulated acquirer imports the sample catalogue first, as a shop imports
 * its own.
 */
export function seedCatalogue(dataDir: string): void {
  const repos = openRepos(join(dataDir, 'till.db'));
  try {
    createCatalogue({ repos, clock: systemClock, actor: () => 'test' }).seedDemo(
      resolve('resources', 'catalogue.json'),
    );
  } finally {
    repos.db.close();
  }
}
