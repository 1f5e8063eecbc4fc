package com.novaquant.testsupport;

import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A new KRaft cluster's first metadata with SCRAM-SHA-512 credentials already in it (what {@code kafka-storage format
 * --add-scram} does). SCRAM users live in the metadata log, so without this nobody, the administrator included,
 * could log in to create the others.
 */
final class ScramBootstrapMetadata {

    private static final String SOURCE = "nova secured in-process broker";
    private static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_512;
    /** SCRAM-SHA-512's minimum: these passwords are long and random, more iterations would only slow the start. */
    private static final int ITERATIONS = MECHANISM.minIterations();

    private ScramBootstrapMetadata() {
    }

    /** The production metadata version and feature levels of this Kafka release, plus one credential per user. */
    static BootstrapMetadata withCredentials(Map<String, String> passwordsByUser) {
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> features = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, feature -> feature.defaultLevel(version)));
        List<ApiMessageAndVersion> records =
                new ArrayList<>(BootstrapMetadata.fromVersions(version, features, SOURCE).records());
        ScramFormatter formatter = formatter();
        passwordsByUser.forEach((user, password) -> {
            ScramCredential credential = formatter.generateCredential(password, ITERATIONS);
            records.add(new ApiMessageAndVersion(new UserScramCredentialRecord()
                    .setName(user)
                    .setMechanism(MECHANISM.type())
                    .setSalt(credential.salt())
                    .setStoredKey(credential.storedKey())
                    .setServerKey(credential.serverKey())
                    .setIterations(credential.iterations()), (short) 0));
        });
        return BootstrapMetadata.fromRecords(records, SOURCE);
    }

    private static ScramFormatter formatter() {
        try {
            return new ScramFormatter(MECHANISM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + MECHANISM.hashAlgorithm(), e);
        }
    }
}
