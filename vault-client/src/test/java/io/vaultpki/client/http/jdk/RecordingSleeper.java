package io.vaultpki.client.http.jdk;

import io.vaultpki.client.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records requested delays instead of sleeping. */
final class RecordingSleeper implements Sleeper {

    final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        delays.add(duration);
    }
}
