package org.waarom.api.consultation;

/** What a participant's feedback says about the anchored text. */
public enum Stance {
    SUPPORT, CONCERN, SUGGESTION
}
