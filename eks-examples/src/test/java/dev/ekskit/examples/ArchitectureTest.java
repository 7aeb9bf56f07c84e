package dev.ekskit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the modules hold together (DESIGN.md, "How modules plug in"): modules reach eks-core only
 * through its public packages and {@code dev.ekskit.core.spi}, no module reaches into another's
 * {@code internal} package, and eks-core knows nothing of the modules built on it. Runs on the
 * main classes of every module (this module depends on them all).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
  /** Words that name a module's concepts; core's code and messages must not use them. */
  private static final List<String> MODULE_CONCEPTS =
      List.of(
          "self-managed",
          "Nodegroups",
          "NodesModule",
          "FargateProfiles",
          "FargateModule",
          "eks-nodes",
          "eks-fargate",
          "dev.ekskit.nodes",
          "dev.ekskit.fargate");

  private JavaClasses classes;

  @BeforeAll
  void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.ekskit");
    assertThat(List.of("core", "core.spi", "nodes", "fargate", "testkit"))
        .allMatch(module -> classes.containPackage("dev.ekskit." + module));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"core", "nodes", "fargate", "testkit"})
  void internalPackages_usedOnlyByTheirOwnModule(String module) {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.ekskit." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.ekskit." + module + ".internal..")
        .because("modules plug in through dev.ekskit.core.spi, never another module's internals")
        .check(classes);
  }

  @Test
  void core_dependsOnNoModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.ekskit.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.ekskit.nodes..", "dev.ekskit.fargate..", "dev.ekskit.simulator..")
        .check(classes);
  }

  @Test
  void coreCode_namesNoModuleConcept() throws IOException {
    Path core = Path.of("..", "eks-core", "src", "main", "java");
    try (Stream<Path> files = Files.walk(core)) {
      List<String> offences =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .flatMap(file -> offences(file).stream())
              .toList();
      assertThat(offences).isEmpty();
    }
  }

  /**
   * The module words, whole, in a file's code and string literals (an SDK name such as {@code
   * listNodegroupsPaginator} is EKS's, not a module's); comments may give examples.
   */
  private static List<String> offences(Path file) {
    try {
      String code =
          Files.readString(file)
              .replaceAll("(?s)/\\*.*?\\*/", "")
              .replaceAll("(?m)^\\s*//.*$", "");
      return MODULE_CONCEPTS.stream()
          .filter(word -> Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(code).find())
          .map(word -> file.getFileName() + " names " + word)
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
