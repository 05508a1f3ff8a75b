/**
 * FlowODM: typed Java records on Kafka. This package holds the exception hierarchy rooted at
 * {@link io.flowodm.FlowException}; later, the {@code FlowODM} facade.
 */
package io.flowodm;
