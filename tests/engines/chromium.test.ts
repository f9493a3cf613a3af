import { engineFlows } from './flows';
import { chromium } from './puppeteer';

engineFlows('chromium', chromium);
