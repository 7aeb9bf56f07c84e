package dev.ekskit.simulator.moto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A moto server started from the bundled launcher script, stopped when the JVM exits. */
public final class MotoProcess {
  static final String LAUNCHER_RESOURCE = "/dev/ekskit/simulator/moto/moto_launcher.py";

  private final Process process;
  private final Path workDir;
  private final URI endpoint;

  private MotoProcess(Process process, Path workDir, URI endpoint) {
    this.process = process;
    this.workDir = workDir;
    this.endpoint = endpoint;
  }

  /**
   * Starts the launcher with {@code python} and waits until moto answers, within {@code timeout}.
   */
  public static MotoProcess start(String python, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    try {
      Path workDir = Files.createTempDirectory("ekskit-moto-");
      Path script = extractLauncher(workDir);
      Path portFile = workDir.resolve("port");
      Path log = workDir.resolve("moto.log");
      // stdin stays a pipe held by this JVM: when the JVM dies, the launcher sees EOF and exits.
      Process process =
          new ProcessBuilder(python, script.toString(), portFile.toString(), "--exit-on-stdin-eof")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      MotoProcess moto;
      try {
        int port = awaitPort(process, portFile, log, deadline);
        moto = new MotoProcess(process, workDir, URI.create("http://127.0.0.1:" + port));
        Readiness.awaitReady(moto.endpoint, deadline);
      } catch (RuntimeException e) {
        stop(process);
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(moto::stop, "ekskit-moto-stop"));
      return moto;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start moto with " + python, e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  private void stop() {
    stop(process);
    deleteRecursively(workDir);
  }

  private static Path extractLauncher(Path workDir) throws IOException {
    Path script = workDir.resolve("moto_launcher.py");
    try (InputStream in = MotoProcess.class.getResourceAsStream(LAUNCHER_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + LAUNCHER_RESOURCE);
      }
      Files.copy(in, script);
    }
    return script;
  }

  private static int awaitPort(Process process, Path portFile, Path log, Instant deadline)
      throws IOException {
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(portFile)) {
        return Integer.parseInt(Files.readString(portFile).trim());
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "moto launcher exited with "
                + process.exitValue()
                + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
      Readiness.pause();
    }
    throw new IllegalStateException(
        "moto launcher wrote no port file before the deadline:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit: a leftover temp dir is harmless.
    }
  }
}
