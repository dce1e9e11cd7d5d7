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
}
