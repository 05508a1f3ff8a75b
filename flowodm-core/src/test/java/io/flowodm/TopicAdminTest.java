package io.flowodm;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicDeletionDisabledException;
import org.junit.jupiter.api.Test;

/** What a TopicException tells the user to do, for the refusals that need a cluster to provoke. */
class TopicAdminTest {

  @Test
  void aMissingPermissionNamesTheAclToGrant() {
    assertThat(TopicAdmin.fix(new TopicAuthorizationException("denied"), "create", "orders", "@Topic on Order"))
        .isEqualTo("The client's principal may not create orders: grant it the CREATE permission (a Kafka ACL), or ask the cluster's admins to do it.");
    assertThat(TopicAdmin.fix(new ClusterAuthorizationException("denied"), "delete", "orders", null))
        .startsWith("The client's principal may not delete orders: grant it the DELETE permission");
    assertThat(TopicAdmin.fix(new TopicAuthorizationException("denied"), "list topics", null, null))
        .startsWith("The client's principal may not list topics: grant it the DESCRIBE permission");
  }

  @Test
  void otherRefusalsSayWhatToChange() {
    assertThat(TopicAdmin.fix(new SaslAuthenticationException("bad"), "create", "t", null)).contains("KAFKA_SASL_USERNAME");
    assertThat(TopicAdmin.fix(new PolicyViolationException("no"), "create", "t", null)).contains("create.topic.policy");
    assertThat(TopicAdmin.fix(new TopicDeletionDisabledException("no"), "delete", "t", null)).contains("delete.topic.enable=false");
    assertThat(TopicAdmin.fix(new IllegalStateException("?"), "create", "t", null)).startsWith("Check the brokers' logs");
  }
}
