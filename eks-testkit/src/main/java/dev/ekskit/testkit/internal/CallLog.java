package dev.ekskit.testkit.internal;

import dev.ekskit.testkit.Call;
import java.util.ArrayList;
import java.util.List;

/** Thread-safe append-only list of calls. */
public final class CallLog {
  private final List<Call> calls = new ArrayList<>();

  synchronized void record(Call call) {
    calls.add(call);
  }

  public synchronized List<Call> snapshot() {
    return List.copyOf(calls);
  }

  public synchronized void clear() {
    calls.clear();
  }
}
