package dev.ztc.drift.aws;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents IAM reads alike are one canonical text; any difference IAM would act on stays a difference. */
class PolicyDocumentsTest {

    private static final String EMITTED = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "B", "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetBucketLocation"], "Resource": "arn:aws:s3:::b"},
              {"Sid": "A", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": ["arn:aws:kms:eu-central-1:1:key/k"],
               "Condition": {"Bool": {"aws:MultiFactorAuthPresent": true}, "IpAddress": {"aws:SourceIp": ["203.0.113.0/25", "198.51.100.0/26"]}}}
            ]}""";

    @Test
    void keyOrderSingleStringsStatementOrderAndBooleansDoNotMatter() throws Exception {
        String reordered = """
                {"Statement": [
                  {"Condition": {"IpAddress": {"aws:SourceIp": ["198.51.100.0/26", "203.0.113.0/25"]}, "Bool": {"aws:MultiFactorAuthPresent": "true"}},
                   "Resource": "arn:aws:kms:eu-central-1:1:key/k", "Action": ["kms:Decrypt"], "Effect": "Allow", "Sid": "A"},
                  {"Resource": ["arn:aws:s3:::b"], "Action": ["s3:GetBucketLocation", "s3:ListBucket"], "Sid": "B", "Effect": "Allow"}
                ], "Version": "2012-10-17"}""";

        assertThat(PolicyDocuments.canonical(reordered)).isEqualTo(PolicyDocuments.canonical(EMITTED));
        assertThat(PolicyDocuments.canonical(EMITTED)).isEqualTo("{\"Statement\":["
                + "{\"Action\":[\"kms:Decrypt\"],\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":[\"true\"]},"
                + "\"IpAddress\":{\"aws:SourceIp\":[\"198.51.100.0/26\",\"203.0.113.0/25\"]}},\"Effect\":\"Allow\","
                + "\"Resource\":[\"arn:aws:kms:eu-central-1:1:key/k\"],\"Sid\":\"A\"},"
                + "{\"Action\":[\"s3:GetBucketLocation\",\"s3:ListBucket\"],\"Effect\":\"Allow\",\"Resource\":[\"arn:aws:s3:::b\"],\"Sid\":\"B\"}"
                + "],\"Version\":\"2012-10-17\"}");
    }

    @Test
    void theApisUrlEncodedFormReadsAsTheDocument() throws Exception {
        String encoded = URLEncoder.encode(EMITTED, StandardCharsets.UTF_8).replace("+", "%20");

        assertThat(PolicyDocuments.canonicalFromApi(encoded)).isEqualTo(PolicyDocuments.canonical(EMITTED));
    }

    @Test
    void principalsAreListsToo() throws Exception {
        String terraform = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
        String listed = "{\"Statement\":[{\"Action\":[\"sts:AssumeRole\"],\"Principal\":{\"Service\":[\"ec2.amazonaws.com\"]}}]}";

        assertThat(PolicyDocuments.canonical(terraform)).isEqualTo(PolicyDocuments.canonical(listed));
    }

    @Test
    void anotherActionResourceEffectOrConditionIsADifference() throws Exception {
        String canonical = PolicyDocuments.canonical(EMITTED);

        assertThat(PolicyDocuments.canonical(EMITTED.replace("\"kms:Decrypt\"", "[\"kms:Decrypt\", \"kms:Encrypt\"]"))).isNotEqualTo(canonical);
        assertThat(PolicyDocuments.canonical(EMITTED.replace("arn:aws:s3:::b\"", "arn:aws:s3:::*\""))).isNotEqualTo(canonical);
        assertThat(PolicyDocuments.canonical(EMITTED.replace("\"Sid\": \"B\", \"Effect\": \"Allow\"", "\"Sid\": \"B\", \"Effect\": \"Deny\""))).isNotEqualTo(canonical);
        assertThat(PolicyDocuments.canonical(EMITTED.replace("\"aws:MultiFactorAuthPresent\": true", "\"aws:MultiFactorAuthPresent\": false"))).isNotEqualTo(canonical);
    }
}
