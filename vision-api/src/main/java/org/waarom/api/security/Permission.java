package org.waarom.api.security;

import java.util.EnumSet;
import java.util.Set;

import static org.waarom.api.security.OrganizationRole.ADMIN;
import static org.waarom.api.security.OrganizationRole.APPROVER;
import static org.waarom.api.security.OrganizationRole.CONTRIBUTOR;
import static org.waarom.api.security.OrganizationRole.EDITOR;
import static org.waarom.api.security.OrganizationRole.QUALITY_MANAGER;

/**
 * The permission table: every endpoint names exactly one of these with {@link Requires}, and this
 * table alone says who holds it. A {@code platform-admin} holds every permission.
 *
 * <ul>
 *   <li>{@link Scope#ORGANIZATION}: the endpoint has an {@code {org}} path parameter; the caller needs
 *       one of the listed roles in that organisation (or {@code service}, where allowed). A caller
 *       with no role at all in it gets 404, as if the organisation did not exist.</li>
 *   <li>{@link Scope#PLATFORM}: platform-admin, and {@code service} where allowed.</li>
 *   <li>{@link Scope#AUTHENTICATED}: anyone with valid credentials (what they then see is filtered).</li>
 * </ul>
 */
public enum Permission {
    ELEMENT_TYPES_READ(Scope.AUTHENTICATED, Set.of(), false),
    ME_READ(Scope.AUTHENTICATED, Set.of(), false),
    ORGANIZATION_LIST(Scope.AUTHENTICATED, Set.of(), false),
    ORGANIZATION_CREATE(Scope.PLATFORM, Set.of(), false),
    // The review-scheduler reads the organisation's name and default language for its reminders.
    ORGANIZATION_READ(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), true),
    ORGANIZATION_UPDATE(Scope.ORGANIZATION, Set.of(ADMIN), false),
    ELEMENT_READ(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), false),
    VERSION_WRITE(Scope.ORGANIZATION, Set.of(ADMIN, EDITOR), false),
    VERSION_ADOPT(Scope.ORGANIZATION, Set.of(ADMIN, APPROVER), false),
    API_KEY_MANAGE(Scope.ORGANIZATION, Set.of(ADMIN), false),
    AUDIT_LOG_READ(Scope.ORGANIZATION, Set.of(ADMIN), false),
    PLATFORM_API_KEY_MANAGE(Scope.PLATFORM, Set.of(), false),
    EVENT_FEED_READ(Scope.PLATFORM, Set.of(), true),
    ORGANIZATION_EVENTS_READ(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), true),
    GOAL_READ(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), false),
    GOAL_WRITE(Scope.ORGANIZATION, Set.of(ADMIN, EDITOR), false),
    WEBHOOK_MANAGE(Scope.ORGANIZATION, Set.of(ADMIN), false),
    REVIEW_POLICY_READ(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), true),
    REVIEW_POLICY_WRITE(Scope.ORGANIZATION, Set.of(ADMIN, QUALITY_MANAGER), false),
    ALL_REVIEW_POLICIES_READ(Scope.PLATFORM, Set.of(), true),
    REVIEW_TASK_READ(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), true),
    REVIEW_TASK_CREATE(Scope.ORGANIZATION, Set.of(ADMIN, QUALITY_MANAGER), true),
    REVIEW_TASK_CLOSE(Scope.ORGANIZATION, Set.of(ADMIN, QUALITY_MANAGER), false),
    ALL_REVIEW_TASKS_READ(Scope.PLATFORM, Set.of(), true),
    // Reminder records are the scheduler's bookkeeping of what it sent; people read them with the task.
    REVIEW_REMINDER_RECORD(Scope.ORGANIZATION, Set.of(ADMIN), true),
    /** One's own calendar feed tokens (an admin manages everyone's); not the scheduler's: it has no calendar. */
    CALENDAR_FEED_MANAGE(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), false),
    /** Consultation rounds with their summary and feedback texts: everyone in the organisation may see how a text is shaped. */
    CONSULTATION_READ(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), false),
    /** Opening and closing rounds and inviting people without an account: the editors who draft the text. */
    CONSULTATION_MANAGE(Scope.ORGANIZATION, Set.of(ADMIN, EDITOR), false),
    /**
     * Giving (and changing one's own) feedback: the people who take part in drafting, not {@code reader}, which is what
     * systems (HR, intranets) get. People without an account take part through an invitation token instead.
     */
    CONSULTATION_FEEDBACK(Scope.ORGANIZATION, Set.of(ADMIN, EDITOR, APPROVER, QUALITY_MANAGER, CONTRIBUTOR), false),
    /** Every employee confirms for themselves that they read an adopted version (for someone else: {@link #ACKNOWLEDGEMENT_MANAGE}). */
    ACKNOWLEDGEMENT_RECORD(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), false),
    /** Who has and has not acknowledged, and recording on someone's behalf (an HR system's key): personal data, so admins only. */
    ACKNOWLEDGEMENT_MANAGE(Scope.ORGANIZATION, Set.of(ADMIN), false),
    REFERENCE_READ(Scope.ORGANIZATION, EnumSet.allOf(OrganizationRole.class), false),
    /** Everyone who takes part in the work, not readers (intranet and HR keys); changing one is for its author or an admin. */
    REFERENCE_WRITE(Scope.ORGANIZATION, Set.of(ADMIN, EDITOR, APPROVER, QUALITY_MANAGER, CONTRIBUTOR), false);

    /** Where a permission applies. */
    public enum Scope { ORGANIZATION, PLATFORM, AUTHENTICATED }

    private final Scope scope;
    private final Set<OrganizationRole> organizationRoles;
    private final boolean service;

    Permission(Scope scope, Set<OrganizationRole> organizationRoles, boolean service) {
        this.scope = scope;
        this.organizationRoles = organizationRoles;
        this.service = service;
    }

    public Scope scope() {
        return scope;
    }

    /** The organisation roles that hold it (admin always among them for organisation permissions). */
    public Set<OrganizationRole> organizationRoles() {
        return organizationRoles;
    }

    /** Whether the scheduler's {@code service} role holds it, in every organisation. */
    public boolean service() {
        return service;
    }
}
