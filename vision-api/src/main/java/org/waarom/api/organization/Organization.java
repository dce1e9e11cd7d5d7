package org.waarom.api.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.waarom.api.common.OrganizationSlug;
import org.waarom.api.security.PublicRead;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** What everyone may read without credentials ({@link PublicRead} names, comma-separated); empty: nothing. */
    @Column(name = "public_reads", nullable = false, length = 100)
    public String publicReadList = "";

    /** Bumped by Hibernate on every change; part of the ETag. */
    @Version
    public int revision;

    /** The organisation with this slug; a slug no organisation can have ({@link OrganizationSlug#possible}) is not looked up. */
    public static Optional<Organization> findBySlug(String slug) {
        return OrganizationSlug.possible(slug) ? find("slug", slug).firstResultOptional() : Optional.empty();
    }

    public List<String> languages() {
        return Arrays.asList(languageList.split(","));
    }

    public void languages(List<String> languages) {
        this.languageList = String.join(",", languages);
    }

    public Set<PublicRead> publicReads() {
        if (publicReadList.isEmpty()) {
            return EnumSet.noneOf(PublicRead.class);
        }
        return Arrays.stream(publicReadList.split(",")).map(PublicRead::parse).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PublicRead.class)));
    }

    public void publicReads(Set<PublicRead> reads) {
        this.publicReadList = String.join(",", PublicRead.names(reads));
    }
}
