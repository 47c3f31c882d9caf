package dev.ztc.drift.aws;

import dev.ztc.check.ResolvedProject;
import dev.ztc.drift.DriftSource;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Inventory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * AWS, read live with the AWS SDK v2: the security groups of the inventory's VPC (network layer) and the account's
 * IAM roles and customer-managed policies (cloud-identity layer), in drift's normal form. EC2 is called in the
 * inventory's region ({@code clouds.aws.region}), IAM, a global service, signed for us-east-1; credentials come
 * from the SDK's default chain; {@code endpoint} ({@code --aws-endpoint}) replaces both services' endpoints, and
 * without it the SDK honours {@code AWS_ENDPOINT_URL}. Read-only: Describe, List and Get calls only. The
 * credentials must be for the inventory's account ({@code clouds.aws.account_id}, asked of STS) and the VPC must
 * exist; otherwise both layers, or the network layer, are unreadable rather than reported as all missing.
 *
 * <p>Throttling ({@code Throttling}, {@code RequestLimitExceeded}, 429) and 5xx answers are retried with
 * exponential backoff and jitter, up to {@value #ATTEMPTS} attempts; every attempt and every call has the timeout.
 * A layer whose calls fail is unreadable, with the cause; the other layer is still read.
 */
public final class AwsSource implements DriftSource {

    static final int ATTEMPTS = 5;
    /** Items per page: EC2 and IAM's own maximum is 1000; 100 keeps each answer small for throttled accounts. */
    static final int PAGE_SIZE = 100;

    private final ResolvedProject project;
    private final Optional<URI> endpoint;
    private final Duration timeout;
    private final int pageSize;
    private final AwsCredentialsProvider credentials;

    public AwsSource(ResolvedProject project, Optional<URI> endpoint, Duration timeout) {
        this(project, endpoint, timeout, PAGE_SIZE, DefaultCredentialsProvider.builder().build());
    }

    /** For tests: a small page makes pagination happen on a handful of objects. */
    AwsSource(ResolvedProject project, Optional<URI> endpoint, Duration timeout, int pageSize,
              AwsCredentialsProvider credentials) {
        this.project = project;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.pageSize = pageSize;
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return "aws " + endpoint.map(URI::toString)
                .orElse(project.project().inventory().aws().map(Inventory.AwsAccount::region).orElse("(no clouds.aws)"));
    }

    @Override
    public List<LayerState> read() {
        Optional<Inventory.AwsAccount> account = project.project().inventory().aws();
        if (account.isEmpty()) {
            String why = "the inventory has no clouds.aws: no region, account or VPC to read";
            return List.of(LayerState.unreadable(EnforcementLayer.NETWORK, name(), why),
                    LayerState.unreadable(EnforcementLayer.CLOUD_IDENTITY, name(), why));
        }
        String organization = project.project().inventory().organization();
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build()) {
            Optional<String> elsewhere = otherAccount(http, account.get());
            if (elsewhere.isPresent()) {
                return List.of(LayerState.unreadable(EnforcementLayer.NETWORK, name(), elsewhere.get()),
                        LayerState.unreadable(EnforcementLayer.CLOUD_IDENTITY, name(), elsewhere.get()));
            }
            return List.of(network(http, account.get(), organization), identity(http, organization));
        } catch (RuntimeException e) {
            // the SDK's own failures are handled per layer; anything else (a region the SDK rejects, an answer it
            // cannot parse) still leaves the layers unknown, as the DriftSource contract promises, never a crash
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return List.of(LayerState.unreadable(EnforcementLayer.NETWORK, name(), why),
                    LayerState.unreadable(EnforcementLayer.CLOUD_IDENTITY, name(), why));
        }
    }

    /**
     * Why the credentials cannot be used, if they cannot: in another account than the inventory's, every ztc object
     * would read as missing and every object there as unmanaged, a report about the wrong account.
     */
    private Optional<String> otherAccount(SdkHttpClient http, Inventory.AwsAccount account) {
        var builder = StsClient.builder().region(Region.of(account.region()));
        try (StsClient sts = configure(builder, http).build()) {
            String actual = sts.getCallerIdentity().account();
            return actual.equals(account.accountId()) ? Optional.empty()
                    : Optional.of("the credentials are for AWS account " + actual + ", the inventory's clouds.aws.account_id is "
                    + account.accountId());
        } catch (SdkException e) {
            return Optional.of("STS: " + why(e));
        }
    }

    private LayerState network(SdkHttpClient http, Inventory.AwsAccount account, String organization) {
        var builder = Ec2Client.builder().region(Region.of(account.region()));
        try (Ec2Client ec2 = configure(builder, http).build()) {
            // ztc does not make the VPC, it is given: absent, it says the region or vpc_id is wrong, not that
            // every group ztc made is gone
            if (ec2.describeVpcs(r -> r.filters(Filter.builder().name("vpc-id").values(account.vpcId()).build())).vpcs().isEmpty()) {
                return LayerState.unreadable(EnforcementLayer.NETWORK, name(), "EC2: no VPC " + account.vpcId()
                        + " in " + account.region() + " (clouds.aws.vpc_id and region in the inventory)");
            }
            List<StateObject> objects = new SecurityGroupReader(ec2, organization, pageSize).read(account.vpcId());
            return LayerState.read(EnforcementLayer.NETWORK, name(), sorted(objects));
        } catch (SdkException e) {
            return LayerState.unreadable(EnforcementLayer.NETWORK, name(), "EC2: " + why(e));
        }
    }

    private LayerState identity(SdkHttpClient http, String organization) {
        var builder = IamClient.builder().region(Region.US_EAST_1);
        try (IamClient iam = configure(builder, http).build()) {
            List<StateObject> objects = new IamReader(iam, organization, pageSize).read();
            return LayerState.read(EnforcementLayer.CLOUD_IDENTITY, name(), sorted(objects));
        } catch (SdkException e) {
            return LayerState.unreadable(EnforcementLayer.CLOUD_IDENTITY, name(), "IAM: " + why(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return LayerState.unreadable(EnforcementLayer.CLOUD_IDENTITY, name(),
                    "IAM: a policy document is not JSON: " + e.getOriginalMessage());
        }
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B configure(B builder, SdkHttpClient http) {
        builder.credentialsProvider(credentials).httpClient(http).overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy()).apiCallAttemptTimeout(timeout)
                // the whole call, retries and backoff included: a throttled account may take every attempt
                .apiCallTimeout(timeout.multipliedBy(ATTEMPTS + 1)).build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * The standard strategy with AWS's retryable errors (throttling codes, 429, 5xx, clock skew), set here rather
     * than left to {@code AWS_RETRY_MODE} or a profile, so that a drift run behaves the same on every machine. The
     * circuit breaker is off: a scheduled read would rather wait out throttling than report a layer unknown.
     */
    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.configure(DefaultRetryStrategy.standardStrategyBuilder())
                .maxAttempts(ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(5)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
                .circuitBreakerEnabled(false)
                .build();
    }

    /** The service's error code and message where there is one; a refused connection names the endpoint. */
    private String why(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return endpoint.map(u -> message + " (" + u + ")").orElse(message);
    }

    private static List<StateObject> sorted(List<StateObject> objects) {
        return objects.stream().sorted(Comparator.comparing(StateObject::id)).toList();
    }
}
