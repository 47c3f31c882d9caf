package dev.ztc.validate.iam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The shapes IAM accepts are read; every other shape is refused with a message naming where. */
class IamPolicyDocumentTest {

    /** Policies are written with ' for " to keep the table readable. */
    private static IamPolicyDocument parse(String json) {
        return IamPolicyDocument.parse(json.replace('\'', '"'));
    }

    @Test
    void readsAStatementObjectWithStringsWhereListsMayBe() {
        IamPolicyDocument doc = parse("{'Version':'2012-10-17','Statement':{'Sid':'One','Effect':'Allow',"
                + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*',"
                + "'Condition':{'Bool':{'aws:MultiFactorAuthPresent':true},'StringEquals':{'k':['a','b']}}}}");
        IamStatement s = doc.statements().get(0);
        assertThat(s.sid()).contains("One");
        assertThat(s.effect()).isEqualTo(IamStatement.Effect.ALLOW);
        assertThat(s.actions()).containsExactly("s3:GetObject");
        assertThat(s.resources()).containsExactly("arn:aws:s3:::b/*");
        assertThat(s.conditions()).extracting(c -> c.operator().name() + " " + c.key() + " " + c.values())
                .containsExactly("Bool aws:MultiFactorAuthPresent [true]", "StringEquals k [a, b]");
    }

    @Test
    void readsAStatementListWithNotActionAndNotResource() {
        IamPolicyDocument doc = parse("{'Version':'2012-10-17','Statement':[{'Effect':'Deny','NotAction':['iam:*','sts:*'],"
                + "'NotResource':'arn:aws:s3:::b'},{'Effect':'Allow','Action':'*','Resource':'*'}]}");
        assertThat(doc.statements()).hasSize(2);
        assertThat(doc.statements().get(0).notAction()).isTrue();
        assertThat(doc.statements().get(0).notResource()).isTrue();
        assertThat(doc.statements().get(0).sid()).isEmpty();
    }

    static Stream<Arguments> refusals() {
        String ok = "'Effect':'Allow','Action':'s3:GetObject','Resource':'*'";
        return Stream.of(
                arguments("{", "not valid JSON"),
                arguments("[]", "must be a JSON object"),
                arguments("{'Version':'2012-10-17'}", "no Statement"),
                arguments("{'Version':'2020-01-01','Statement':[]}", "unknown policy Version"),
                arguments("{'Statement':[],'Extra':1}", "unknown element 'Extra'"),
                arguments("{'Statement':['x']}", "Statement[0] must be an object"),
                arguments("{'Statement':{" + ok + ",'Principal':'*'}}", "resource policy"),
                arguments("{'Statement':{" + ok + ",'Resorce':'*'}}", "unknown element 'Resorce'"),
                arguments("{'Statement':{'Effect':'allow','Action':'s3:*','Resource':'*'}}", "Effect must be Allow or Deny"),
                arguments("{'Statement':{'Action':'s3:*','Resource':'*'}}", "Effect must be Allow or Deny"),
                arguments("{'Statement':{'Effect':'Allow','Resource':'*'}}", "exactly one of Action and NotAction"),
                arguments("{'Statement':{'Effect':'Allow','Action':'s3:*','NotAction':'s3:x','Resource':'*'}}",
                        "exactly one of Action and NotAction"),
                arguments("{'Statement':{'Effect':'Allow','Action':'s3:*'}}", "exactly one of Resource and NotResource"),
                arguments("{'Statement':{'Effect':'Allow','Action':[],'Resource':'*'}}", "Action is an empty list"),
                arguments("{'Statement':{'Effect':'Allow','Action':{'a':1},'Resource':'*'}}", "Action must be a string, not object"),
                arguments("{'Statement':{'Effect':'Allow','Action':'GetObject','Resource':'*'}}", "has no service prefix"),
                arguments("{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::${aws:username}'}}",
                        "policy variable"),
                arguments("{'Statement':{" + ok + ",'Condition':{'StringEquals':'x'}}}", "Condition.StringEquals must be a non-empty object"),
                arguments("{'Statement':{" + ok + ",'Condition':['x']}}", "Condition must be an object"),
                arguments("{'Statement':{'Sid':'S1'," + ok + ",'Condition':{'StringEqualz':{'k':'v'}}}}",
                        "Statement[0] (S1): unsupported condition operator 'StringEqualz'"),
                arguments("{'Statement':{" + ok + ",'Condition':{'StringEquals':{'k':null}}}}", "must be a string, not null"),
                arguments("{'Statement':{" + ok + ",'Condition':{'StringEquals':{'k':{'v':1}}}}}", "must be a string, not object"),
                arguments("{'Statement':{" + ok + ",'Effect':'Deny'}}", "Duplicate field 'Effect'"),
                arguments("{'Statement':[{'Sid':'S'," + ok + "},{'Sid':'S'," + ok + "}]}", "Statement[1] repeats Sid 'S'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void refusesMalformedShapes(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(IamPolicyFormatException.class).hasMessageContaining(message);
    }

    @Test
    void defaultsAnAbsentVersionToTheOldOne() {
        assertThat(parse("{'Statement':[]}").version()).isEqualTo("2008-10-17");
    }
}
