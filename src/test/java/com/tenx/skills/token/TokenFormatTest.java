package com.tenx.skills.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The token's spelling: prefix, id, random part and a checksum a scanner can check
 * offline.
 */
class TokenFormatTest {

    @Test
    void aMintedTokenHasThePrefixAndAChecksumAScannerAccepts() {
        TokenFormat.Minted minted = TokenFormat.mint();

        assertThat(minted.token()).matches("patv1_[0-9A-Za-z]{16}\\.[0-9A-Za-z]{38}")
            .startsWith("patv1_" + minted.tokenId() + ".");
        assertThat(ScannerChecksum.looksReal(minted.token())).isTrue();
        assertThat(TokenFormat.idOf(minted.token())).isEqualTo(minted.tokenId());
    }

    @Test
    void tokensAndIdsAreNeverRepeated() {
        Set<String> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            TokenFormat.Minted minted = TokenFormat.mint();
            ids.add(minted.tokenId());
            tokens.add(minted.token());
        }
        assertThat(ids).hasSize(2_000);
        assertThat(tokens).hasSize(2_000);
    }

    @Test
    void aTypoAnywhereBreaksTheChecksum() {
        String token = TokenFormat.mint().token();
        for (int i = "patv1_".length(); i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            char typo = token.charAt(i) == 'x' ? 'y' : 'x';
            String mistyped = token.substring(0, i) + typo + token.substring(i + 1);
            assertThat(TokenFormat.idOf(mistyped)).as("typo at %d", i).isNull();
            assertThat(ScannerChecksum.looksReal(mistyped)).as("typo at %d", i).isFalse();
        }
    }

    @Test
    void malformedTruncatedAndFlippedTokensHaveNoId() {
        String token = TokenFormat.mint().token();

        assertThat(TokenFormat.idOf(token.substring(0, token.length() - 1))).isNull();
        assertThat(TokenFormat.idOf(token + "0")).isNull();
        assertThat(TokenFormat.idOf(ScannerChecksum.checksumFlipped(token))).isNull();
        assertThat(TokenFormat.idOf(token.replace("patv1_", "patv2_"))).isNull();
        assertThat(TokenFormat.idOf(token.replace("patv1_", "PATV1_"))).isNull();
        assertThat(TokenFormat.idOf(token.replace('.', '_'))).isNull();
        assertThat(TokenFormat.idOf(" " + token)).isNull();
        assertThat(TokenFormat.idOf("")).isNull();
        assertThat(TokenFormat.idOf("patv1_.")).isNull();
    }

    @Test
    void aForgedTokenWithARecomputedChecksumStillHasTheShape() {
        String forged = ScannerChecksum.forged(TokenFormat.mint().token());

        // Offline checks cannot tell it apart; the server's hash comparison does (see
        // PatFamilyTest).
        assertThat(TokenFormat.idOf(forged)).isNotNull();
    }

}
