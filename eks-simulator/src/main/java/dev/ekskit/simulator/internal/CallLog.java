package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.Call;
import java.util.ArrayList;
import java.util.List;

/** Thread-safe list of calls, appended to; an entry is replaced only to correct its outcome. */
public final class CallLog {
  private final List<Call> calls = new ArrayList<>();

  synchronized void record(Call call) {
    calls.add(call);
  }

  /** Puts {@code now} where {@code before} was, unless the log was cleared meanwhile. */
  synchronized void replace(Call before, Call now) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i) == before) {
        calls.set(i, now);
        return;
      }
    }
  }

  public synchronized List<Call> snapshot() {
    return List.copyOf(calls);
  }

  public synchronized void clear() {
    calls.clear();
  }
}
