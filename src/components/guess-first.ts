/** Placeholder: wired up in the next commit. */
import type { IslandStart } from '../lib/island-start';

const start: IslandStart = () => {};
export default start;
