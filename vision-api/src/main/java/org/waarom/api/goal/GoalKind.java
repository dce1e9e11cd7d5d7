package org.waarom.api.goal;

/** Strategic goals serve the vision and/or the strategy; operational goals realise one strategic goal. */
public enum GoalKind { STRATEGIC, OPERATIONAL }
