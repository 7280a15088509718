/** The peers, each in its own file: its native format, its real evaluator. */
import type { Evaluator } from "../types";
import { featurevisor } from "./featurevisor";
import { flagd } from "./flagd";
import { growthbook } from "./growthbook";
import { configcat } from "./configcat";
import { jsonLogic } from "./json-logic";
import { launchdarkly } from "./launchdarkly";
import { unleash } from "./unleash";

export const PEERS: readonly Evaluator[] = [flagd, growthbook, jsonLogic, featurevisor, unleash, configcat, launchdarkly];
