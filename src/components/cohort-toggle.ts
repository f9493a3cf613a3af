/** Placeholder: wired up in the next commit. */
import type { IslandStart } from '../lib/islands';

const start: IslandStart = () => {};
export default start;
