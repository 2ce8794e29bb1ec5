package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.AcmeConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static io.vaultpki.monitor.pkihealth.checks.TuneFixtures.*;

class AllowIfModifiedSinceTest {
    private final AllowIfModifiedSince check = new AllowIfModifiedSince();

    @Test
    void bothHeadersInAnyCaseIsOk() {
        var in = mount().tune(Fetched.of(tune(List.of(), List.of(), List.of("if-modified-since"),
                List.of("Last-Modified")))).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.OK);
    }

    @Test
    void missingLastModifiedIsInformational() {
        var in = mount().tune(Fetched.of(tune(List.of(), List.of(), List.of("If-Modified-Since"), List.of())))
                .build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.INFORMATIONAL);
    }

    @Test
    void unreadableTuneIsInsufficientPermissions() {
        assertThat(statuses(run(check, mount().tune(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
    }

    @Test
    void unsupportedTuneIsInvalidVersion() {
        assertThat(run(check, mount().tune(Fetched.unsupported()).build())).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("Vault 1.12+"));
    }
}
