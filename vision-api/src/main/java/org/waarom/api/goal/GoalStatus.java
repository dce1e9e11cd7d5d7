package org.waarom.api.goal;

public enum GoalStatus { OPEN, REACHED, ABANDONED }
