package dev.ekskit.simulator.moto.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds a Python 3 interpreter that can import moto's server. */
public final class PythonFinder {
  private PythonFinder() {}

  /**
   * {@code python3} on the PATH first, then pyenv's shim: moto is often installed for pyenv's
   * Python only, while a minimal PATH puts the system's python3 first.
   */
  public static List<String> candidates() {
    List<String> candidates = new ArrayList<>();
    candidates.add("python3");
    String pyenvRoot = System.getenv("PYENV_ROOT");
    Path root =
        pyenvRoot == null || pyenvRoot.isBlank()
            ? Path.of(System.getProperty("user.home"), ".pyenv")
            : Path.of(pyenvRoot);
    Path shim = root.resolve("shims").resolve("python3");
    if (Files.isExecutable(shim)) {
      candidates.add(shim.toString());
    }
    return candidates;
  }

  /** The first candidate that can {@code import moto.server}, if any. */
  public static Optional<String> findPythonWithMoto() {
    return candidates().stream().filter(PythonFinder::canImportMoto).findFirst();
  }

  private static boolean canImportMoto(String python) {
    try {
      Process process =
          new ProcessBuilder(python, "-c", "import moto.server")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
