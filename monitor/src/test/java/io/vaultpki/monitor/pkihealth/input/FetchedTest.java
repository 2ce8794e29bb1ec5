package io.vaultpki.monitor.pkihealth.input;

import io.vaultpki.client.failure.FailureReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FetchedTest {

    @Test
    void classifiedFailuresMapOntoTheCheckOutcomes() {
        assertThat(Fetched.fromFailure(FailureReason.PERMISSION_DENIED)).isInstanceOf(Fetched.Forbidden.class);
        assertThat(Fetched.fromFailure(FailureReason.NOT_FOUND)).isInstanceOf(Fetched.Unsupported.class);
        assertThat(Fetched.fromFailure(FailureReason.TIMEOUT)).isEqualTo(Fetched.failed(FailureReason.TIMEOUT));
    }

    @Test
    void mapKeepsTheReasonOfAMissingValue() {
        assertThat(Fetched.of(2).map(i -> i * 2).optional()).contains(4);
        assertThat(Fetched.<Integer>forbidden().map(i -> i * 2)).isInstanceOf(Fetched.Forbidden.class);
        assertThat(Fetched.<Integer>notRead().optional()).isEmpty();
    }
}
