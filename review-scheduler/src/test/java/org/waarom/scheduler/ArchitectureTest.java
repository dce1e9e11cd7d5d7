package org.waarom.scheduler;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the review-scheduler (docs/architecture.md, issue 17), checked on the compiled classes.
 */
@AnalyzeClasses(packages = "org.waarom.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The vision-api is reached only through its facade, {@code VisionApi}, which adds the credentials, the retries, the
     * circuit breaker and the timeout: nothing else uses the REST client interface, not even in its own package.
     */
    @ArchTest
    static final ArchRule theApiClientIsUsedOnlyThroughItsFacade = noClasses()
            .that().doNotHaveFullyQualifiedName("org.waarom.scheduler.api.VisionApi")
            .and().doNotHaveFullyQualifiedName("org.waarom.scheduler.api.VisionApiClient")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.waarom.scheduler.api.VisionApiClient");

    /** No cycles between the scheduler's packages. */
    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("org.waarom.scheduler.(*)..").should().beFreeOfCycles();
}
