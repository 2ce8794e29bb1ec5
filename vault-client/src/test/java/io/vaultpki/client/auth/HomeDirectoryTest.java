package io.vaultpki.client.auth;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HomeDirectoryTest {

    @Test
    void vaultTokenIsLookedUpUnderHomeLikeTheVaultCli() {
        assertThat(HomeDirectory.of(Map.of("HOME", "/srv/monitor")).resolve(TokenFileAuthentication.DEFAULT_FILE_NAME))
                .isEqualTo(Path.of("/srv/monitor/.vault-token"));
    }

    @Test
    void anUnsetOrEmptyHomeFallsBackToTheAccountsHome() {
        Path account = Path.of(System.getProperty("user.home"));
        assertThat(HomeDirectory.of(Map.of())).isEqualTo(account);
        assertThat(HomeDirectory.of(Map.of("HOME", " "))).isEqualTo(account);
    }
}
