package org.waarom.api.goal;

import java.math.BigDecimal;

/** Whether an indicator improves by going up or down, and so when a value meets its target. */
public enum Direction {
    INCREASE, DECREASE;

    public boolean meets(BigDecimal value, BigDecimal target) {
        int comparison = value.compareTo(target);
        return this == INCREASE ? comparison >= 0 : comparison <= 0;
    }
}
