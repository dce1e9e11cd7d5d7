package org.waarom.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.waarom.api.element.Element;
import org.waarom.api.element.ElementVersion;

import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of vision-api (docs/architecture.md, issue 17), checked on the compiled classes: dependencies between
 * features go one way, services do not know the HTTP layer, and entities never leave the service layer.
 */
@AnalyzeClasses(packages = "org.waarom.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /*
     * No cycles between the top-level packages, and no dependency ignored. Bottom up (docs/architecture.md#packages):
     * common; security (credentials and permissions); organization; event (the outbox); element; the features, apikey
     * among them; openapi, which describes them all. A lower package that must tell a higher one something fires a CDI
     * event (OrganizationCreated, VersionAdopted, …) or declares an interface that the higher one implements
     * (OpenedReads, CapabilityTokens, PayloadTypes, VersionRounds).
     */
    @ArchTest
    static final ArchRule featurePackagesFormNoCycles = slices().matching("org.waarom.api.(*)..").should().beFreeOfCycles();

    /** The core does not know the features built on it: they observe what happens to versions (VersionAdopted, …). */
    @ArchTest
    static final ArchRule elementDependsOnNoFeature = noClasses().that().resideInAPackage("org.waarom.api.element..")
            .should().dependOnClassesThat().resideInAnyPackage(features("acknowledgement", "apikey", "audit", "calendar", "consultation", "demo",
                    "document", "goal", "openapi", "page", "reference", "review", "webhook"));

    /**
     * The outbox names no feature: every feature records its events through it, with data of its own (EventData), and
     * which data each type carries is said above the features (openapi.EventPayloads, behind PayloadTypes).
     */
    @ArchTest
    static final ArchRule eventDependsOnNoFeature = noClasses().that().resideInAPackage("org.waarom.api.event..")
            .should().dependOnClassesThat().resideInAnyPackage(features("acknowledgement", "apikey", "audit", "calendar", "consultation", "demo",
                    "document", "element", "goal", "openapi", "page", "reference", "review", "webhook"));

    /** Organization knows neither the outbox nor a feature: they observe OrganizationCreated and OrganizationUpdated. */
    @ArchTest
    static final ArchRule organizationDependsOnlyOnSecurityAndCommon = noClasses().that().resideInAPackage("org.waarom.api.organization..")
            .should().dependOnClassesThat().resideInAnyPackage(features("acknowledgement", "apikey", "audit", "calendar", "consultation", "demo",
                    "document", "element", "event", "goal", "openapi", "page", "reference", "review", "webhook"));

    /**
     * Security imports nothing but common: the features resolve their own URL tokens (CapabilityTokens), organization says
     * what each organisation opened to everyone (OpenedReads), and API keys are managed by apikey (security only reads them).
     */
    @ArchTest
    static final ArchRule securityDependsOnlyOnCommon = noClasses().that().resideInAPackage("org.waarom.api.security..")
            .should().dependOnClassesThat().resideInAnyPackage(features("acknowledgement", "apikey", "audit", "calendar", "consultation", "demo",
                    "document", "element", "event", "goal", "openapi", "organization", "page", "reference", "review", "webhook"));

    /** Common is what every feature uses; it uses none of them. */
    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses().that().resideInAPackage("org.waarom.api.common..")
            .should().dependOnClassesThat().resideInAnyPackage(features("acknowledgement", "apikey", "audit", "calendar", "consultation", "demo",
                    "document", "element", "event", "goal", "openapi", "organization", "page", "reference", "review", "security", "webhook"));

    /**
     * Common is split by what it is: problem (RFC 9457 answers and the exceptions behind them), http (negotiation, request
     * ids, paging, strict JSON), cache (conditional reads and the read cache), config (configuration, clock, scheduled
     * work, stored JSON); the plain value rules (text, instants, slugs) stay in common itself. Its parts form no cycle either.
     */
    @ArchTest
    static final ArchRule commonPartsFormNoCycles = slices().matching("org.waarom.api.common.(*)..").should().beFreeOfCycles();

    /*
     * Services never depend on the HTTP layer: no resource, filter or JAX-RS type. The records and enums in rest/ are the
     * API's data (requests and views, which CONVENTIONS.md puts beside the resources) and are shared by resource and
     * service; they are the exception, named here rather than hidden.
     */
    @ArchTest
    static final ArchRule servicesDoNotDependOnResources = noClasses().that().resideInAPackage("..service..")
            .should().dependOnClassesThat(resideInAPackage("..rest..").and(DescribedPredicate.describe("not a record or enum of the API's data",
                    (JavaClass type) -> !type.isRecord() && !type.isEnum())))
            .orShould().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..");

    /** Entities never leave the service layer: no resource method takes or answers one, not even inside a generic type. */
    @ArchTest
    static final ArchRule noEntityInAResourceSignature = methods().that().arePublic()
            .and().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
            .should(new ArchCondition<>("not have an @Entity type in their signature") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    Stream.concat(method.getReturnType().getAllInvolvedRawTypes().stream(),
                                    method.getParameterTypes().stream().flatMap(type -> type.getAllInvolvedRawTypes().stream()))
                            .filter(type -> type.isAnnotatedWith(Entity.class))
                            .distinct()
                            .forEach(entity -> events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " has the entity " + entity.getName() + " in its signature")));
                }
            });

    /** Panache's static queries on an entity, as an entity class inherits them. */
    private static final Set<String> PANACHE_QUERIES = Set.of("find", "findAll", "findById", "findByIdOptional", "list", "listAll", "stream",
            "streamAll", "count", "delete", "deleteAll", "deleteById", "update", "getEntityManager");

    /** Elements and versions are looked up by their finders only (issue 17): no class outside element queries them through Panache itself. */
    @ArchTest
    static final ArchRule elementsAreFoundByTheirFinders = noClasses().that().resideOutsideOfPackage("org.waarom.api.element..")
            .should().callMethodWhere(DescribedPredicate.describe("a Panache query on Element or ElementVersion", (JavaMethodCall call) ->
                    Set.of(Element.class.getName(), ElementVersion.class.getName()).contains(call.getTargetOwner().getName())
                            && PANACHE_QUERIES.contains(call.getName())));

    private static String[] features(String... names) {
        return Stream.of(names).map(name -> "org.waarom.api." + name + "..").toArray(String[]::new);
    }
}
