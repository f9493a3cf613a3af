/** The class-mode suite (rooms-suite.ts) on PGlite in memory. */
import { openDb } from '../../src/server/db';
import { roomsSuite } from './rooms-suite';

roomsSuite('PGlite', () => openDb({ dataDir: 'memory://' }));
