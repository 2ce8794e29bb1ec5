package io.vaultpki.emulator;

import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator serves the benchmark and parallel tests: many clients at once, every request answered and logged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {

    private VaultEmulator vault;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().start();
        vault.auth().appRole("approle").role("r", "rid", "sid", TokenSpec.of(Duration.ofHours(1)));
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    @Test
    void answersConcurrentLoginsAndLookupsFromManyThreads() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                Callable<Integer> client = () -> {
                    var http = new VaultHttp(vault.url());
                    int ok = 0;
                    for (int n = 0; n < 25; n++) {
                        var login = http.post("auth/approle/login", "{\"role_id\":\"rid\",\"secret_id\":\"sid\"}");
                        String token = login.json().get("auth").get("client_token").asText();
                        if (http.token(token).get("auth/token/lookup-self").status() == 200) {
                            ok++;
                        }
                    }
                    return ok;
                };
                futures.add(pool.submit(client));
            }
            int total = 0;
            for (var future : futures) {
                total += future.get();
            }

            assertThat(total).isEqualTo(200);
            assertThat(vault.requests().count("POST", "auth/approle/login")).isEqualTo(200);
            assertThat(vault.tokens().all()).hasSizeGreaterThanOrEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
