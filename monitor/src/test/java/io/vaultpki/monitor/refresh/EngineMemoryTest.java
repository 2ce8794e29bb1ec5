package io.vaultpki.monitor.refresh;

import io.vaultpki.client.pki.IssuerSummary;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EngineMemoryTest {

    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

    private static CrlInfo crl(Optional<Instant> nextUpdate) {
        return new CrlInfo("", T, nextUpdate, Optional.of(BigInteger.ONE), 0, 100);
    }

    @Test
    void withoutConditionalReadsACrlIsDueAfterATenthOfTheValidityItHadLeft() {
        EngineMemory.CrlMemo memo = new EngineMemory.CrlMemo(Optional.of(crl(Optional.of(T.plus(Duration.ofHours(72))))),
                T);
        assertThat(memo.dueAt()).isEqualTo(T.plus(Duration.ofMinutes(432)));
    }

    @Test
    void aCrlPastItsNextUpdateOrWithoutOneOrMissingIsDueEveryRefresh() {
        Instant readAt = T.plus(Duration.ofHours(80));
        assertThat(new EngineMemory.CrlMemo(Optional.of(crl(Optional.of(T.plus(Duration.ofHours(72))))), readAt)
                .dueAt()).isEqualTo(readAt);
        assertThat(new EngineMemory.CrlMemo(Optional.of(crl(Optional.empty())), T).dueAt()).isEqualTo(T);
        assertThat(new EngineMemory.CrlMemo(Optional.empty(), T).dueAt()).isEqualTo(T);
    }

    @Test
    void anIssuerIsReusedWhileItsListEntryIsUnchangedAndReadAgainWithinTheHour() {
        EngineMemory memory = new EngineMemory();
        IssuerSummary summary = new IssuerSummary("id-1", "root", true, "0a:0b", "key-1");
        assertThat(memory.issuerUnchanged(summary, T)).as("never read").isFalse();

        memory.issuerRead(summary, "key-1", T);

        assertThat(memory.issuerUnchanged(summary, T.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(memory.issuerUnchanged(new IssuerSummary("id-1", "renamed", true, "0a:0b", "key-1"), T)).isFalse();
        assertThat(memory.issuerUnchanged(new IssuerSummary("id-1", "root", false, "0a:0b", "key-1"), T)).isFalse();
        assertThat(memory.issuerUnchanged(summary, T.plus(EngineMemory.ISSUER_REREAD_AFTER))).isFalse();
        assertThat(memory.keyId("id-1")).isEqualTo("key-1");
    }

    @Test
    void leavesAreFoundBySerialInTheSortedListOfTheLastLeafStep() {
        EngineMemory memory = new EngineMemory();
        List<LeafCertificate> leaves = List.of(leaf("01:aa"), leaf("0a:0b"), leaf("ff:01:02"));
        memory.leaves(leaves);

        assertThat(memory.leaf("0a:0b")).isSameAs(leaves.get(1));
        assertThat(memory.leaf("ff:01:02")).isSameAs(leaves.get(2));
        assertThat(memory.leaf("01:aa")).isSameAs(leaves.get(0));
        assertThat(memory.leaf("0a:0c")).isNull();
    }

    @Test
    void caSerialsVaultNoLongerListsAreForgotten() {
        EngineMemory memory = new EngineMemory();
        memory.ca("0a:0b");
        memory.ca("0c:0d");

        memory.retainSerials(List.of("01:01", "0c:0d"));

        assertThat(memory.isCa("0a:0b")).isFalse();
        assertThat(memory.isCa("0c:0d")).isTrue();
    }

    @Test
    void theRevokedFingerprintTellsAChangeOnlyOnce() {
        EngineMemory memory = new EngineMemory();
        byte[] one = CrlPlan.fingerprint(List.of("0a:0b"));

        assertThat(memory.revokedChanged(one)).as("first time").isTrue();
        assertThat(memory.revokedChanged(CrlPlan.fingerprint(List.of("0a:0b")))).isFalse();
        assertThat(memory.revokedChanged(CrlPlan.fingerprint(List.of("0a:0b", "0c:0d")))).isTrue();
        assertThat(CrlPlan.fingerprint(List.of("ab", "c"))).isNotEqualTo(CrlPlan.fingerprint(List.of("a", "bc")));
    }

    private static LeafCertificate leaf(String serial) {
        return new LeafCertificate(serial, "issuer", "cn", "", T, T.plus(Duration.ofDays(1)), Optional.empty(), false);
    }
}
