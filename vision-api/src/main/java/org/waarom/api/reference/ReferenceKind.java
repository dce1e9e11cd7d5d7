package org.waarom.api.reference;

/** What kind of work a reference records. */
public enum ReferenceKind { CASE_DISCUSSION, COMPLAINT, POLICY_DECISION, TEAM_MEETING }
