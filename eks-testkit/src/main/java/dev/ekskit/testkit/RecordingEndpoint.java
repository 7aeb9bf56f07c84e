package dev.ekskit.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A live HTTP endpoint on loopback that records every request and answers each like AWS answers a
 * missing resource (404 {@code ResourceNotFoundException}): where the tests point {@code
 * aws.endpointUrl} to see which requests would leave the process. Use it to prove that tests on the
 * simulation cannot reach a real account: point the default chains at it, run the test, and expect
 * no request.
 *
 * <pre>{@code
 * try (RecordingEndpoint live = RecordingEndpoint.start()) {
 *   live.asDefaultChain();
 *   runMyTestOnASimulatedKit();
 *   assertThat(live.requests()).isEmpty();
 * }
 * }</pre>
 */
public final class RecordingEndpoint implements AutoCloseable {
  /** The credentials, region and endpoint the SDK's default chains read from system properties. */
  private static final List<String> PROPERTIES =
      List.of("aws.endpointUrl", "aws.region", "aws.accessKeyId", "aws.secretAccessKey");

  /** What arrived: method, path and the user agent. */
  public record Request(String method, String path, String userAgent) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private RecordingEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free loopback port. */
  public static RecordingEndpoint start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      RecordingEndpoint endpoint = new RecordingEndpoint(server);
      server.createContext(
          "/",
          exchange -> {
            endpoint.requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("User-Agent")));
            byte[] body = "{\"message\":\"not here\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return endpoint;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on loopback", e);
    }
  }

  /** Where it listens. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /**
   * Points the SDK's default chains (endpoint, region, credentials) at this endpoint through system
   * properties, as {@code AWS_ENDPOINT_URL} and friends would; {@link #close()} removes them.
   */
  public RecordingEndpoint asDefaultChain() {
    Map.of(
            "aws.endpointUrl", uri().toString(),
            "aws.region", "us-east-1",
            "aws.accessKeyId", "AKIDRECORDING",
            "aws.secretAccessKey", "recording-secret")
        .forEach(System::setProperty);
    return this;
  }

  /** Stops listening and removes the system properties {@link #asDefaultChain()} set. */
  @Override
  public void close() {
    PROPERTIES.forEach(System::clearProperty);
    server.stop(0);
  }
}
