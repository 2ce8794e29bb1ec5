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

/** audit_visibility, allow_if_modified_since and allow_acme_headers: the checks that read the mount's tune. */
final class TuneFixtures {

    static List<String> all(List<String> a, List<String> b) {
        List<String> list = new ArrayList<>(a);
        list.addAll(b);
        return list;
    }

    private TuneFixtures() {
    }
}
