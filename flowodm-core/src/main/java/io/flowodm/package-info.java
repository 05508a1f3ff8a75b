/**
 * FlowODM: typed Java records on Kafka. The entry point is {@link io.flowodm.FlowODM}, which
 * connects with a {@link io.flowodm.FlowConfig} and hands out {@link io.flowodm.ModelProducer}s,
 * {@link io.flowodm.ModelConsumer}s and a {@link io.flowodm.TopicAdmin}, tuned by a {@link
 * io.flowodm.Profile}. Every failure is an unchecked exception rooted at {@link
 * io.flowodm.FlowException} whose message names what failed, where, and what to do.
 */
package io.flowodm;
