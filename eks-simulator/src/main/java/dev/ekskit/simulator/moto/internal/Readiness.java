package dev.ekskit.simulator.moto.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits until a moto server answers its own admin API. */
public final class Readiness {
  static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private Readiness() {}

  /**
   * Polls {@code GET /moto-api/config} until it answers 2xx (moto says 201), or throws at the
   * deadline. Not {@code data.json}: that dumps all state, which takes seconds once tests have
   * loaded the AWS-managed IAM policies into many accounts.
   */
  public static void awaitReady(URI endpoint, Instant deadline) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(endpoint.resolve("/moto-api/config"))
            .timeout(Duration.ofSeconds(5))
            .build();
    String lastProblem = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          return;
        }
        lastProblem = "HTTP " + status;
      } catch (IOException e) {
        lastProblem = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for moto at " + endpoint, e);
      }
      pause();
    }
    throw new IllegalStateException("moto at " + endpoint + " is not ready: " + lastProblem);
  }

  static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for moto", e);
    }
  }
}
