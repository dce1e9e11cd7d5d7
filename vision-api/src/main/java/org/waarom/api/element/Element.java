package org.waarom.api.element;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.waarom.api.organization.Organization;

/**
 * One of an organisation's four elements. Its row is the lock every change of its versions
 * takes first, and it numbers the versions.
 */
@Entity
@Table(name = "element")
public class Element extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ElementType type;

    @Column(name = "last_number", nullable = false)
    public int lastNumber;

    /** The organisation's element of {@code type}; every organisation has all four. */
    public static Element of(Organization organization, ElementType type) {
        return find("organization = ?1 and type = ?2", organization, type).singleResult();
    }

    /** The organisation's element of {@code type}, its row locked: the lock every change of its versions (and translations) takes first. */
    public static Element locked(Organization organization, ElementType type) {
        return find("organization = ?1 and type = ?2", organization, type).withLock(LockModeType.PESSIMISTIC_WRITE)
                .singleResult();
    }

    /** The element with {@code id}, its row locked as by {@link #locked(Organization, ElementType)}. */
    public static Element locked(Long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
