package org.waarom.api.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A tenant: an organisation with its own four elements, addressed by its slug. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 63)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "default_language", nullable = false, length = 8)
    public String defaultLanguage;

    /** Comma-separated, the default language first. */
    @Column(name = "languages", nullable = false, length = 200)
    public String languageList;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Bumped by Hibernate on every change; part of the ETag. */
    @Version
    public int revision;

    public static Optional<Organization> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<String> languages() {
        return Arrays.asList(languageList.split(","));
    }

    public void languages(List<String> languages) {
        this.languageList = String.join(",", languages);
    }
}
