import type { BenchSuite } from '../types';
import { platformSuite } from './platform.bench';
import { policySuite } from './policy.bench';
import { routingSuite } from './routing.bench';
import { submissionsSuite } from './submissions.bench';
import { subscriptionsSuite } from './subscriptions.bench';

/** Every suite `npm run bench` knows, in the order they run. Add a suite here. */
export const SUITES: BenchSuite[] = [platformSuite, policySuite, submissionsSuite, routingSuite, subscriptionsSuite];
