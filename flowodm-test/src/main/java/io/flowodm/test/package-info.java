/**
 * Test kit for FlowODM users and for FlowODM itself: servers that run in the test's own process,
 * such as {@link io.flowodm.test.EmbeddedSchemaRegistry}.
 */
package io.flowodm.test;
