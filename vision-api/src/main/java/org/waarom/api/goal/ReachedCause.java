package org.waarom.api.goal;

/** What reached a goal: someone by hand, its indicators (operational), or its operational goals (strategic). */
public enum ReachedCause { MANUAL, INDICATORS, OPERATIONAL_GOALS }
