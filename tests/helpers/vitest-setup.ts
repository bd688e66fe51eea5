import { installTestClock } from './test-clock';

installTestClock();
