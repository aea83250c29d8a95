package dev.marquee.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.marquee.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The client knows the server only through the HTTP contract and shared-model. */
    @ArchTest
    static final ArchRule clientDoesNotUseServerClasses = noClasses()
            .that().resideInAPackage("dev.marquee.client..")
            .should().dependOnClassesThat().resideInAPackage("dev.marquee.server..");

    /** View models hold state and commands; controls and layout belong to the view, so tests need no stage. */
    @ArchTest
    static final ArchRule viewModelsDoNotTouchControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..");
}
