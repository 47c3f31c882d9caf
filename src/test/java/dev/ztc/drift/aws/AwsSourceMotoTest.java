package dev.ztc.drift.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.net.URI;

/**
 * The AWS drift scenario against a real moto server ({@link MotoServer}): reset before every test, so each starts
 * from an empty account.
 */
class AwsSourceMotoTest extends AwsDriftContract {

    @Override
    URI endpoint() throws Exception {
        return MotoServer.endpoint();
    }

    @Override
    AwsCredentialsProvider credentials() {
        return AwsApply.CREDENTIALS;
    }
}
