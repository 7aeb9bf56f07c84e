package dev.ekskit.simulator.internal;

/** How the SDK spells AWS's operation names in its Java class names. */
final class OperationNames {
  private OperationNames() {}

  /**
   * The SDK's spelling of {@code operation}: each run of capitals reads as one word, capitalized
   * ("CreateOpenIDConnectProvider" → "CreateOpenIdConnectProvider", "GetSSHPublicKey" →
   * "GetSshPublicKey"); a name without such a run is unchanged.
   */
  static String javaName(String operation) {
    StringBuilder name = new StringBuilder(operation.length());
    int i = 0;
    while (i < operation.length()) {
      int runEnd = i;
      while (runEnd < operation.length() && Character.isUpperCase(operation.charAt(runEnd))) {
        runEnd++;
      }
      if (runEnd - i < 2) {
        name.append(operation.charAt(i++));
        continue;
      }
      // The last capital of a run that goes on in lower case starts the next word.
      int wordEnd =
          runEnd < operation.length() && Character.isLowerCase(operation.charAt(runEnd))
              ? runEnd - 1
              : runEnd;
      name.append(operation.charAt(i)).append(operation.substring(i + 1, wordEnd).toLowerCase());
      i = wordEnd;
    }
    return name.toString();
  }
}
