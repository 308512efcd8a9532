package dev.kiln.libos.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kiln's digests (the engines of MessageDigest in images) agree with the JDK's on every length around the block sizes. */
class BlockDigestTest {
    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512", "SHA-512/224", "SHA-512/256"})
    void agreesWithTheJdk(String algorithm) throws Exception {
        Random random = new Random(1);
        BlockDigest kiln = BlockDigest.forName(algorithm);
        MessageDigest jdk = MessageDigest.getInstance(algorithm);
        assertEquals(jdk.getDigestLength(), kiln.length());
        for (int len = 0; len <= 300; len++) {
            byte[] data = new byte[len];
            random.nextBytes(data);
            int split = len / 3;
            kiln.update(data, 0, split);
            BlockDigest copy = kiln.clone();
            kiln.update(data, split, len - split);
            copy.update(data, split, len - split);
            byte[] expected = jdk.digest(data);
            assertArrayEquals(expected, kiln.finish(), algorithm + " of " + len + " bytes");
            assertArrayEquals(expected, copy.finish(), algorithm + " of " + len + " bytes, cloned mid-way");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha", "Sha1", "sha256", "SHA512/256", "md5"})
    void takesTheSunProvidersAliases(String alias) {
        assertEquals(alias.equalsIgnoreCase("md5") ? 16 : alias.toLowerCase().startsWith("sha2") || alias.contains("/")
                ? 32 : 20, BlockDigest.forName(alias).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD4", "SHA3-256", "", "SHA-"})
    void knowsNoOtherAlgorithm(String name) {
        assertNull(BlockDigest.forName(name));
    }
}
