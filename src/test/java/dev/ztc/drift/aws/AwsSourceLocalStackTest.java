package dev.ztc.drift.aws;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AWS drift scenario against LocalStack in a container, wherever a Docker engine runs (skipped without one).
 * One container serves the class; LocalStack takes a 12-digit access key id as the account id, so every test
 * works in an account of its own instead of resetting the emulator.
 */
@Testcontainers(disabledWithoutDocker = true)
class AwsSourceLocalStackTest extends AwsDriftContract {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4.0"))
            .withServices("ec2", "iam");

    private static final AtomicLong ACCOUNTS = new AtomicLong(100000000000L);

    private AwsCredentialsProvider credentials;

    @Override
    URI endpoint() {
        credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                String.valueOf(ACCOUNTS.incrementAndGet()), LOCALSTACK.getSecretKey()));
        return LOCALSTACK.getEndpoint();
    }

    @Override
    AwsCredentialsProvider credentials() {
        return credentials;
    }
}
