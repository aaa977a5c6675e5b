package dev.kerasview;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The layering rules of DESIGN.md, checked on the compiled main classes. */
@AnalyzeClasses(packages = "dev.kerasview", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "dev.kerasview";

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

    @ArchTest
    static final ArchRule packagesDependOnEachOtherWithoutCycles = slices()
            .matching("dev.kerasview.(**)")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one, which neither can be read nor tested alone");

    // DESIGN.md's order: model <- archive/hdf5/config <- catalog <- formats <- diagnose
    // <- convert <- cli/ui; instance stands alone; Main starts either front end.
    @ArchTest
    static final ArchRule packagesFollowTheLayersOfTheDesign = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("model").definedBy(ROOT + ".model..")
            .layer("archive").definedBy(ROOT + ".archive..")
            .layer("hdf5").definedBy(ROOT + ".hdf5..")
            .layer("config").definedBy(ROOT + ".config..")
            .layer("catalog").definedBy(ROOT + ".catalog..")
            .layer("formats").definedBy(ROOT + ".formats..")
            .layer("diagnose").definedBy(ROOT + ".diagnose..")
            .layer("convert").definedBy(ROOT + ".convert..")
            .layer("cli").definedBy(ROOT + ".cli..")
            .layer("ui").definedBy(ROOT + ".ui..")
            .layer("instance").definedBy(ROOT + ".instance..")
            .layer("Main").definedBy(resideInAPackage(ROOT).and(simpleName("Main")))
            .whereLayer("model").mayNotAccessAnyLayer()
            .whereLayer("archive").mayOnlyAccessLayers("model")
            .whereLayer("hdf5").mayOnlyAccessLayers("model")
            .whereLayer("config").mayOnlyAccessLayers("model")
            .whereLayer("catalog").mayOnlyAccessLayers("model", "archive", "hdf5", "config")
            .whereLayer("formats").mayOnlyAccessLayers("model", "archive", "hdf5", "config",
                    "catalog")
            .whereLayer("diagnose").mayOnlyAccessLayers("model", "archive", "hdf5", "config",
                    "catalog", "formats")
            .whereLayer("convert").mayOnlyAccessLayers("model", "archive", "hdf5", "config",
                    "catalog", "formats", "diagnose")
            .whereLayer("cli").mayOnlyAccessLayers("model", "archive", "hdf5", "config",
                    "catalog", "formats", "diagnose", "convert")
            .whereLayer("ui").mayOnlyAccessLayers("model", "archive", "hdf5", "config",
                    "catalog", "formats", "diagnose", "convert", "instance")
            .whereLayer("instance").mayNotAccessAnyLayer()
            .whereLayer("Main").mayNotBeAccessedByAnyLayer()
            .ensureAllClassesAreContainedInArchitecture();

    @ArchTest
    static final ArchRule onlyTheFrontEndsWriteToTheConsole = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".cli..", ROOT + ".ui..")
            .and(not(resideInAPackage(ROOT).and(simpleName("Main"))))
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the core is a library: it reports through return values and exceptions");
}
