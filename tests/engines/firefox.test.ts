import { engineFlows } from './flows';
import { firefox } from './puppeteer';

engineFlows('firefox', firefox);
