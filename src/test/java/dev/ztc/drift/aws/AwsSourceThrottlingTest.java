package dev.ztc.drift.aws;

import dev.ztc.drift.LayerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throttling as AWS answers it (EC2's RequestLimitExceeded, IAM's Throttling), put between AwsSource and moto by a
 * {@link ThrottlingProxy}: throttled calls are retried and read the same as unthrottled ones, and so do small pages; an account whose EC2
 * and IAM throttle every attempt makes both layers unreadable, naming the error, after the configured attempts.
 */
class AwsSourceThrottlingTest {

    @TempDir
    Path temp;

    @Test
    void everyCallThrottledOnceReadsTheSameAsNone() throws Exception {
        try (AwsDriftScenario s = AwsDriftScenario.applied("bank-payments", temp, MotoServer.endpoint(), AwsApply.CREDENTIALS);
             ThrottlingProxy proxy = new ThrottlingProxy(s.endpoint(), (service, n) -> n % 2 == 0)) {
            List<LayerState> direct = s.source(AwsSource.PAGE_SIZE).read();

            List<LayerState> throttled = through(s, proxy).read();

            assertThat(throttled).extracting(LayerState::unreadable).containsOnly(Optional.empty());
            assertThat(throttled).extracting(LayerState::objects).isEqualTo(direct.stream().map(LayerState::objects).toList());
            // calls run one after another: each call's first attempt was throttled and its retry went through
            assertThat(proxy.throttled.get()).isPositive().isEqualTo(proxy.requests.get() - proxy.throttled.get());
        }
    }

    @Test
    void anAccountThatAlwaysThrottlesIsUnreadable() throws Exception {
        try (AwsDriftScenario s = AwsDriftScenario.applied("bank-payments", temp, MotoServer.endpoint(), AwsApply.CREDENTIALS);
             ThrottlingProxy proxy = new ThrottlingProxy(s.endpoint(), (service, n) -> !service.equals("sts"))) {
            List<LayerState> states = through(s, proxy).read();

            assertThat(states.get(0).unreadable()).hasValueSatisfying(why -> assertThat(why).startsWith("EC2: RequestLimitExceeded"));
            assertThat(states.get(1).unreadable()).hasValueSatisfying(why -> assertThat(why).startsWith("IAM: Throttling"));
            // one GetCallerIdentity, then every attempt of the first EC2 call and of the first IAM call
            assertThat(proxy.throttled.get()).isEqualTo(2 * AwsSource.ATTEMPTS);
            assertThat(proxy.requests.get()).isEqualTo(1 + 2 * AwsSource.ATTEMPTS);
        }
    }

    @Test
    void pagesOfTwoReadTheSameAsOnePage() throws Exception {
        try (AwsDriftScenario s = AwsDriftScenario.applied("bank-payments", temp, MotoServer.endpoint(), AwsApply.CREDENTIALS);
             ThrottlingProxy proxy = new ThrottlingProxy(s.endpoint(), (service, n) -> false)) {
            List<LayerState> onePage = s.source(AwsSource.PAGE_SIZE).read();

            List<LayerState> pages = through(s, proxy, 2).read();

            assertThat(pages).extracting(LayerState::objects).isEqualTo(onePage.stream().map(LayerState::objects).toList());
            // four roles and four policies come in pages of two (moto does not page security groups, and after a
            // full last page of policies it answers one more, empty page)
            assertThat(proxy.actions).filteredOn(a -> a.equals("iam:ListRoles")).hasSize(2);
            assertThat(proxy.actions).filteredOn(a -> a.equals("iam:ListPolicies")).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    private static AwsSource through(AwsDriftScenario s, ThrottlingProxy proxy) {
        return through(s, proxy, AwsSource.PAGE_SIZE);
    }

    private static AwsSource through(AwsDriftScenario s, ThrottlingProxy proxy, int pageSize) {
        return new AwsSource(s.project(), Optional.of(proxy.uri()), Duration.ofSeconds(10), pageSize, AwsApply.CREDENTIALS);
    }
}
