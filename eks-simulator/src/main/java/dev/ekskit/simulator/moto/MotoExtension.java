package dev.ekskit.simulator.moto;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a {@link MotoAccount}, one fresh account per test class, into
 * constructors, lifecycle methods and test methods.
 *
 * <pre>{@code
 * @ExtendWith(MotoExtension.class)   // or @MotoTest
 * class NodegroupTest {
 *     @Test
 *     void create_validSpec_isActive(MotoAccount account) {
 *         EksClient eks = account.client(EksClient.builder());
 *     }
 * }
 * }</pre>
 *
 * When moto is unavailable the test class is skipped with the reason, except when the environment
 * variable {@code CI} is {@code true}: then it fails, so CI never skips emulator tests silently.
 */
public final class MotoExtension implements ExecutionCondition, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MotoExtension.class);

  /**
   * A disabled class shows up as skipped, with the reason, in build reports (an abort would not).
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    try {
      return ConditionEvaluationResult.enabled("moto at " + MotoServer.shared().endpoint());
    } catch (IllegalStateException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true requires moto, but: " + e.getMessage(), e);
      }
      return ConditionEvaluationResult.disabled("Skipping emulator test: " + e.getMessage());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MotoAccount.class;
  }

  @Override
  public MotoAccount resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
    return store.getOrComputeIfAbsent(
            AccountResource.class,
            key -> new AccountResource(MotoServer.shared().newAccount()),
            AccountResource.class)
        .account;
  }

  /** The test class's own context, so constructor and methods share one account. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** Closes the account's clients when JUnit closes the class context. */
  private static final class AccountResource implements ExtensionContext.Store.CloseableResource {
    final MotoAccount account;

    AccountResource(MotoAccount account) {
      this.account = account;
    }

    @Override
    public void close() {
      account.close();
    }
  }
}
