package dev.kerasview;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of DESIGN.md, checked on the compiled main classes. */
@AnalyzeClasses(packages = "dev.kerasview", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiDependsOnJavaFx = noClasses()
            .that().resideOutsideOfPackage("dev.kerasview.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the core is a library; only the window may use JavaFX");

    @ArchTest
    static final ArchRule theModelDependsOnNothingElseOfTheProject = noClasses()
            .that().resideInAPackage("dev.kerasview.model..")
            .should().dependOnClassesThat(resideInAPackage("dev.kerasview..").and(not(resideInAPackage("dev.kerasview.model.."))))
            .because("the model records are the contract between all packages");
}
