// Regenerates the documentation that is derived from code (docs/errors.md).
import fs from 'node:fs';
import '../src/parts';
import { renderErrorsDoc } from '../src/kernel/errors/errors-doc';

fs.writeFileSync('docs/errors.md', renderErrorsDoc());
process.stdout.write('docs/errors.md written\n');
