import { engineFlows } from './flows';
import { webkit } from './webkit';

engineFlows('webkit', webkit);
