package io.vaultpki.monitor;

import io.micronaut.context.ApplicationContext;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.sys.SecretsMount;
import io.vaultpki.emulator.demo.DemoVault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModeTest {

    @Test
    void withoutTheDemoFlagNoDemoVaultStarts() {
        assertThat(DemoVault.settingsIfRequested(new String[] {"--micronaut.server.port=0"})).isEmpty();
    }

    @Test
    void theDemoVaultLogsTheAppInWithALeastPrivilegeAppRoleAndShowsItsPkiMounts() {
        try (DemoVault demo = DemoVault.start();
             ApplicationContext app = ApplicationContext.builder().properties(demo.settings()).start()) {
            VaultClient client = app.getBean(VaultClient.class);
            assertThat(client.sys().listPkiMounts()).extracting(SecretsMount::path)
                    .containsExactlyInAnyOrder("pki/", "pki_int/", "team/a/pki/");
            assertThat(client.session().tokenInfo()).hasValueSatisfying(info -> {
                assertThat(info.isRoot()).isFalse();
                assertThat(info.policies()).contains(DemoVault.POLICY);
            });
        }
    }
}
