import type { BenchSuite } from '../types';
import { platformSuite } from './platform.bench';
import { policySuite } from './policy.bench';
import { routingSuite } from './routing.bench';

/** Every suite `npm run bench` knows, in the order they run. Add a suite here. */
export const SUITES: BenchSuite[] = [platformSuite, policySuite, routingSuite];
